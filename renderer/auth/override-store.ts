/**
 * Manager override: an action the signed-in staff member's role may not do alone waits here for
 * an approver (a supervisor's or manager's PIN, or their staff badge scanned). Whatever unlocks
 * it, the action goes in the audit trail with who asked, who approved and how.
 */
import { create } from 'zustand';
import type { ApprovalMethod, OverrideAction, StaffDoc } from '../../src/documents';
import { recordAudit } from '../audit/audit-trail';
import type { NewAuditEntry } from '../audit/audit-trail';
import { useAppStore } from '../state/app-store';
import { hasPermission } from './permissions';

export type AuditDetails = Omit<
  NewAuditEntry,
  'action' | 'requestedBy' | 'approvedBy' | 'approverRole' | 'method'
>;

export interface OverrideRequest {
  action: OverrideAction;
  /** What is asked, in the cashier's words, shown to the approver. */
  summary: string;
  audit: AuditDetails;
}

export interface Approval {
  approver: StaffDoc;
  method: ApprovalMethod;
}

interface PendingOverride extends OverrideRequest {
  /** Tells one request from the next, so the prompt starts empty for each. */
  seq: number;
  resolve: (approval: Approval | null) => void;
}

let nextSeq = 1;

interface OverrideState {
  pending: PendingOverride | null;
}

export const useOverrideStore = create<OverrideState>()(() => ({ pending: null }));

/** May this staff member approve this action? */
export function mayApprove(staff: StaffDoc, action: OverrideAction): boolean {
  return hasPermission(useAppStore.getState().settings, staff.role, action);
}

/**
 * Resolves with the approval (already in the audit trail), or null when the cashier cancelled.
 * A staff member whose role has the permission is their own approver: no prompt.
 */
export async function requireApproval(request: OverrideRequest): Promise<Approval | null> {
  const staff = useAppStore.getState().staff;
  if (!staff) return null;
  const approval: Approval | null = mayApprove(staff, request.action)
    ? { approver: staff, method: 'own-permission' }
    : await new Promise<Approval | null>((resolve) =>
        useOverrideStore.setState({ pending: { ...request, seq: nextSeq++, resolve } }),
      );
  if (!approval) return null;
  await recordAudit({
    ...request.audit,
    action: request.action,
    requestedBy: staff.id,
    approvedBy: approval.approver.id,
    approverRole: approval.approver.role,
    method: approval.method,
  });
  return approval;
}

export function finishOverride(approval: Approval | null): void {
  const pending = useOverrideStore.getState().pending;
  useOverrideStore.setState({ pending: null });
  pending?.resolve(approval);
}
