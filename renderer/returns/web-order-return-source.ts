/** A web order as a ReturnSource: built in src/returns, where the sync-server builds it alike. */
export {
  ONLINE_PAYMENT_TENDER_ID,
  returnSourceFromWebOrder,
} from '../../src/returns/web-order-return-source';
export type { WebOrderSourceInput } from '../../src/returns/web-order-return-source';
