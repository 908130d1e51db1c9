/**
 * Who may do what at the till, from the store's settings (StoreSettingsDoc.permissions and
 * cashierMaxDiscountBp). Pure: the screens ask here before an action and open the manager
 * override prompt when the answer is no.
 */
import type { Permission, StaffRole, StoreSettingsDoc } from '../../src/documents';
import type { Minor } from '../../src/money';

type PermissionSettings = Pick<StoreSettingsDoc, 'permissions' | 'cashierMaxDiscountBp'>;

export function hasPermission(
  settings: PermissionSettings | null,
  role: StaffRole,
  permission: Permission,
): boolean {
  return settings?.permissions[role]?.includes(permission) ?? false;
}

/** A fixed discount as basis points of what it is taken off, rounded up (the strict reading). */
export function discountBasisPoints(amount: Minor, base: Minor): number {
  if (base <= 0) return amount > 0 ? 10_000 : 0;
  return Math.min(10_000, Math.ceil((amount * 10_000) / base));
}

/**
 * True when this discount is more than the signed-in role may give alone: above the store's
 * cashier limit, for a role without the `discount-over-limit` permission.
 */
export function discountNeedsApproval(
  settings: PermissionSettings | null,
  role: StaffRole,
  percentBp: number,
): boolean {
  if (hasPermission(settings, role, 'discount-over-limit')) return false;
  return percentBp > (settings?.cashierMaxDiscountBp ?? 0);
}
