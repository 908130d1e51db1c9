/**
 * Who may confirm a bank transfer by hand (they saw the money in the bank app): one rule for the
 * register's PIN check, the server's `payments/confirm-by-hand` and the server's check of a
 * sale confirmed by hand offline (docs/PAYMENTS.md).
 */
import type { StaffDoc } from '../documents/staff';
import { worksInStore } from './staff-rules';

/** Why `member` may not confirm a transfer by hand at `storeId`, or null when they may. */
export function transferApproverProblem(
  member: Pick<StaffDoc, 'id' | 'role' | 'storeIds' | 'active'> | undefined,
  storeId: string,
): string | null {
  if (!member) return 'no such member of staff';
  if (!member.active) return `${member.id} is no longer active`;
  if (!worksInStore(member, storeId)) return `${member.id} does not work at store ${storeId}`;
  // A cashier does not confirm the transfer for their own sale: a second person checks the bank.
  if (member.role === 'cashier') return `${member.id} is a cashier, not a supervisor or manager`;
  return null;
}
