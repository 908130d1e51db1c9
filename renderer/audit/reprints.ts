/**
 * A receipt printed again goes into the store's audit trail: who printed a copy of which
 * document, and its number, so a manager can see copies of the same money (docs/CASHIER.md).
 * Written to the local outbox first, so a reprint made offline is recorded too.
 */
import type { AuditEntryDoc } from '../../src/documents';
import type { Receipt } from '../../src/receipt';
import { useAppStore } from '../state/app-store';
import { recordAudit } from './audit-trail';

/** Records the reprint by the signed-in staff member; nothing when no one is signed in. */
export async function recordReprint(
  receipt: Receipt,
  label?: string,
): Promise<AuditEntryDoc | null> {
  const staff = useAppStore.getState().staff;
  if (!staff) return null;
  return recordAudit({
    action: 'reprint-receipt',
    requestedBy: staff.id,
    approvedBy: staff.id,
    approverRole: staff.role,
    method: 'own-permission',
    saleId: receipt.documentId,
    reason: (label ?? receipt.kind).slice(0, 200),
  });
}
