import { Router } from 'express';
import type { PickupDoc } from '../../src/documents';
import type { ReturnDoc } from '../../src/documents';
import { orderLineProgress, orderPayment, webOrderState } from '../../src/orders';
import { notFound } from '../http/api-error';
import { principalOf } from '../access/auth';
import { fromCouchDoc } from '../storage/couch-doc';
import { findWebOrder } from '../index/index-lookups';
import { pickupPayments } from '../services/pickup-payments';
import type { ServerContext } from '../server-context';
import { WebOrderIntake } from '../services/web-order-intake';
import { answer, contractRoute } from './contract-route';

/** Web orders: intake from shops, and where an order stands across every store. */
export function orderRoutes(context: ServerContext): Router {
  const router = Router();
  const intake = new WebOrderIntake(context);

  contractRoute(
    router,
    'orders/intake',
    context.auth.require('admin', 'shop'),
    async (request, res) => {
      const result = await intake.intake(principalOf(res), request);
      return answer(
        {
          orderId: result.order.id,
          orderNumber: result.order.orderNumber,
          customerId: result.order.customerId,
          customerCreated: result.customerCreated,
          pickupStoreId: result.order.pickupStoreId,
          status: result.order.status,
          total: result.order.total,
          replayed: result.replayed,
        },
        result.replayed ? 200 : 201,
      );
    },
  );

  contractRoute(
    router,
    'orders/get',
    context.auth.require('admin', 'device', 'shop'),
    async ({ id }) => {
      const { index } = context;
      const found = await findWebOrder(index, id);
      if (!found) throw notFound(`No web order ${id}; check the order id or number.`);
      const order = found.doc;
      const pickups = (await index.fetch(await index.postings('pick', order.id))).map((entry) =>
        fromCouchDoc<PickupDoc>(entry.doc),
      );
      const returns = (await index.fetch(await index.postings('orig', order.id))).map((entry) =>
        fromCouchDoc<ReturnDoc>(entry.doc),
      );
      const returnLines = returns.flatMap((doc) =>
        doc.lines
          .filter((line) => line.originalLineId !== undefined)
          .map((line) => ({
            orderId: order.id,
            lineId: line.originalLineId ?? '',
            quantity: line.quantity,
          })),
      );
      const payments = await pickupPayments(context.store, pickups);
      return answer({
        order,
        state: webOrderState(order, pickups),
        lines: orderLineProgress(order, pickups, returnLines),
        payment: orderPayment(order, pickups),
        pickups: pickups.map((pickup) => ({
          id: pickup.id,
          storeId: pickup.storeId,
          at: pickup.createdAt,
          lines: pickup.lines,
          amountCollected: pickup.amountCollected,
          ...(pickup.saleId ? { saleId: pickup.saleId } : {}),
          // The sale's tenders, safe to show; null without a sale or before the sale synced.
          payment: payments.get(pickup.id) ?? null,
        })),
        returns: returns.map((doc) => ({
          id: doc.id,
          storeId: doc.storeId,
          at: doc.completedAt,
          lines: doc.lines.map((line) => ({
            lineId: line.originalLineId,
            quantity: line.quantity,
            refund: line.refund,
          })),
          refund: doc.totals.refund,
        })),
      });
    },
  );
  return router;
}
