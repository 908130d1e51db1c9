/**
 * An exchange is a return and a new sale made together. The returned value pays for the new
 * goods first (record it on the new sale as a store-credit tender whose creditReference is the
 * return's id); whatever is left is paid by the customer, or refunded with planRefundTenders.
 */
import { minor } from '../money';
import type { Minor } from '../money';

export interface ExchangeBalance {
  /** Value of the returned goods used to pay for the new sale. */
  creditApplied: Minor;
  /** Still to pay on the new sale (settle it with applyTenders/settle). */
  customerPays: Minor;
  /** To refund to the customer (plan it with planRefundTenders). */
  customerGetsBack: Minor;
}

export function exchangeBalance(returnedValue: Minor, newSaleTotal: Minor): ExchangeBalance {
  const creditApplied = minor(Math.min(returnedValue, newSaleTotal));
  return {
    creditApplied,
    customerPays: minor(newSaleTotal - creditApplied),
    customerGetsBack: minor(returnedValue - creditApplied),
  };
}
