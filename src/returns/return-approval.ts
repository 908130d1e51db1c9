/**
 * Who may approve a return: a manager, active, working at the store (or at every store). The
 * register offers only these staff for the PIN and the sync-server re-checks the approver a
 * pushed return names.
 */
import type { StaffDoc } from '../documents/staff';

export function canApproveReturn(staff: StaffDoc | undefined, storeId: string): boolean {
  return (
    staff !== undefined &&
    staff.active &&
    staff.role === 'manager' &&
    (staff.storeIds.includes(storeId) || staff.storeIds.includes('*'))
  );
}
