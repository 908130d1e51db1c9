/**
 * Who may change a price or give a discount, from the store's settings (`permissions`,
 * `cashierMaxDiscountBp`). The register asks here before an action (and opens the manager
 * override prompt when the answer is no); the sync-server asks the same functions of every
 * pushed sale, so a discount the register would have sent to a supervisor is never accepted
 * without one.
 */
import type { Permission, StaffDoc, StaffRole, StoreSettingsDoc } from '../documents';
import type { SaleDoc } from '../documents/sale';
import type { Minor } from '../money';
import type { ManualDiscount } from '../documents/parts/cart';

export type PermissionSettings = Pick<StoreSettingsDoc, 'permissions' | 'cashierMaxDiscountBp'>;

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
  return discountAboveCashierLimit(settings, percentBp);
}

/**
 * True when a discount is above the store's cashier limit, whoever gives it. The register names
 * the approver of every such discount, even a supervisor's own (who needed no prompt): the
 * server checks a sale against the role of the staff member who completed it, and after a user
 * switch that may be a cashier.
 */
export function discountAboveCashierLimit(
  settings: PermissionSettings | null,
  percentBp: number,
): boolean {
  return percentBp > (settings?.cashierMaxDiscountBp ?? 0);
}

/** A discount in basis points of `base` (what the register showed it was taken off). */
export function discountPercentBp(discount: ManualDiscount, base: Minor): number {
  return discount.kind === 'percent'
    ? discount.percentBp
    : discountBasisPoints(discount.amount, base);
}

/** Why this staff member may not approve `permission` at `storeId`, or null when they may. */
export function approverProblem(
  approver: Pick<StaffDoc, 'id' | 'role' | 'storeIds' | 'active'> | undefined,
  storeId: string,
  permission: Permission,
  settings: PermissionSettings | null,
): string | null {
  if (!approver) return 'no such staff member';
  if (!approver.active) return `${approver.id} is not active`;
  if (!approver.storeIds.includes('*') && !approver.storeIds.includes(storeId)) {
    return `${approver.id} does not work at store ${storeId}`;
  }
  if (!hasPermission(settings, approver.role, permission)) {
    return `a ${approver.role} may not approve ${permission}`;
  }
  return null;
}

/** One manual price or discount of a sale that needed someone's approval. */
export interface SaleApproval {
  /** What it is about, for messages: `line l1: price override`. */
  what: string;
  permission: 'price-override' | 'discount-over-limit';
  /** The staff id named as approver; undefined when the sale names none. */
  approvedBy: string | undefined;
}

/**
 * Every approval a sale needed, as the register asked for them: a price override always (its
 * approver is the cashier when their own role may), a line or order discount when it is above
 * what the sale's cashier (`role`) may give alone. The discount base is the one the register
 * shows: the line's gross, or the cart's gross for an order discount.
 */
export function saleApprovals(
  sale: Pick<SaleDoc, 'cart' | 'priced'>,
  role: StaffRole,
  settings: PermissionSettings | null,
): SaleApproval[] {
  const approvals: SaleApproval[] = [];
  const pricedLines = new Map(sale.priced.lines.map((line) => [line.lineId, line]));
  for (const line of sale.cart.lines) {
    if (line.override) {
      approvals.push({
        what: `line ${line.lineId}: price override`,
        permission: 'price-override',
        approvedBy: line.override.approvedBy,
      });
    }
    const gross = pricedLines.get(line.lineId)?.gross ?? line.unitPrice;
    if (line.discount) {
      const percentBp = discountPercentBp(line.discount, gross);
      if (discountNeedsApproval(settings, role, percentBp)) {
        approvals.push({
          what: `line ${line.lineId}: discount of ${percentBp / 100} %`,
          permission: 'discount-over-limit',
          approvedBy: line.discount.approvedBy,
        });
      }
    }
  }
  const order = sale.cart.orderDiscount;
  if (order) {
    const percentBp = discountPercentBp(order, sale.priced.totals.gross);
    if (discountNeedsApproval(settings, role, percentBp)) {
      approvals.push({
        what: `order discount of ${percentBp / 100} %`,
        permission: 'discount-over-limit',
        approvedBy: order.approvedBy,
      });
    }
  }
  return approvals;
}
