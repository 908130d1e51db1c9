/**
 * The push check of each collection a register writes (push-check.ts says what a check is).
 * Collections without an entry need no more than write-policy.ts's document rules.
 */
import type { Collection } from '../../storage/database-layout';
import { checkCustomerPush } from './customer-push-check';
import { checkLoyaltyPush } from './loyalty-push-check';
import { checkPickupPush } from './pickup-push-check';
import type { PushCheck } from './push-check';
import { checkReturnPush } from './return-push-check';
import { checkSalePush } from './sale-push-check';
import { checkStockPush } from './stock-push-check';

export const PUSH_CHECKS: Partial<Record<Collection, PushCheck>> = {
  sales: checkSalePush,
  returns: checkReturnPush,
  loyalty: checkLoyaltyPush,
  stock: checkStockPush,
  customers: checkCustomerPush,
  pickups: checkPickupPush,
};
