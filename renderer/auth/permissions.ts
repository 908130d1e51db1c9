/**
 * Who may do what at the till, from the store's settings (StoreSettingsDoc.permissions and
 * cashierMaxDiscountBp). The rules live in src/sales (sale-approvals.ts), where the sync-server
 * re-checks every pushed sale with the same functions; the screens ask here before an action
 * and open the manager override prompt when the answer is no.
 */
export {
  discountAboveCashierLimit,
  discountBasisPoints,
  discountNeedsApproval,
  hasPermission,
} from '../../src/sales/sale-approvals';
