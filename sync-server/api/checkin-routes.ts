/**
 * Pickup check-ins: a customer tells the kiosk they have come for a web order, and every register
 * of the pickup store sees it (the manager's "Pickup check-ins" list polls this). Check-ins are
 * a passing alert, not a fact of the order, so they live in the server's own data rather than in
 * a replicated database (the registers' RxDB has no collection left for them).
 */
import { Router } from 'express';
import type { CustomerDoc } from '../../src/documents';
import type { PickupCheckin } from '../../src/api';
import { forbidden, notFound } from '../http/api-error';
import { principalOf } from '../access/auth';
import { fromCouchDoc } from '../storage/couch-doc';
import { findWebOrder } from '../index/index-lookups';
import { INTERNAL_DATABASES } from '../storage/database-layout';
import { putAsServer } from '../storage/document-store';
import type { ServerContext } from '../server-context';
import { answer, contractRoute } from './contract-route';

/** Check-ins older than this are no longer shown: nobody waits half a day at the counter. */
const SHOWN_FOR_MS = 12 * 60 * 60 * 1000;

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `${word[0]?.toUpperCase() ?? ''}.`)
    .join(' ');
}

export function checkinRoutes(context: ServerContext): Router {
  const router = Router();
  const devicesAndAdmin = context.auth.require('admin', 'device');
  const db = INTERNAL_DATABASES.checkins;

  contractRoute(router, 'checkins/create', devicesAndAdmin, async (request, res) => {
    const orderRef = request.orderId.trim();
    const found = await findWebOrder(context.index, orderRef);
    if (!found) throw notFound(`No web order ${orderRef}; check the number on the confirmation.`);
    const order = found.doc;
    const principal = principalOf(res);
    if (principal.kind === 'device' && principal.storeId !== order.pickupStoreId) {
      throw forbidden(
        `Order ${order.orderNumber} is collected at another store (${order.pickupStoreId}).`,
      );
    }
    await context.store.ensureDatabase(db);
    const id = `checkin_${order.id}`;
    const existing = (await context.store.getCurrent(db, [id])).get(id);
    // Checking in twice is one check-in; after it was served, a new visit is a new one.
    if (existing && !existing._deleted && !existing.servedAt) {
      return answer({ checkin: existing as unknown as PickupCheckin, replayed: true });
    }
    const stored = (await context.store.getCurrent('customers', [order.customerId])).get(
      order.customerId,
    );
    const customer = stored && !stored._deleted ? fromCouchDoc<CustomerDoc>(stored) : undefined;
    const checkin: PickupCheckin = {
      orderId: order.id,
      orderNumber: order.orderNumber,
      storeId: order.pickupStoreId,
      customerInitials: customer ? initials(customer.name) : '',
      at: new Date().toISOString(),
    };
    await putAsServer(context.store, db, { _id: id, ...checkin });
    return answer({ checkin, replayed: false }, 201);
  });

  contractRoute(router, 'checkins/list', devicesAndAdmin, async (request, res) => {
    const principal = principalOf(res);
    const storeId = principal.kind === 'device' ? principal.storeId : request.store;
    await context.store.ensureDatabase(db);
    const since = Date.now() - SHOWN_FOR_MS;
    const checkins = (await context.store.allDocs(db))
      .map(({ _id: _ignoredId, _rev: _ignoredRev, ...doc }) => doc as unknown as PickupCheckin)
      .filter((checkin) => !checkin.servedAt && Date.parse(checkin.at) >= since)
      .filter((checkin) => storeId === undefined || checkin.storeId === storeId)
      .sort((a, b) => a.at.localeCompare(b.at));
    return answer({ checkins });
  });

  contractRoute(router, 'checkins/served', devicesAndAdmin, async ({ orderId }, res) => {
    const id = `checkin_${orderId}`;
    await context.store.ensureDatabase(db);
    const current = (await context.store.getCurrent(db, [id])).get(id);
    if (!current || current._deleted) throw notFound(`No check-in for order ${orderId}.`);
    const checkin = current as unknown as PickupCheckin & { _id: string };
    const principal = principalOf(res);
    if (principal.kind === 'device' && principal.storeId !== checkin.storeId) {
      throw forbidden('This check-in belongs to another store.');
    }
    const served = {
      ...checkin,
      _id: id,
      servedAt: checkin.servedAt ?? new Date().toISOString(),
    };
    await putAsServer(context.store, db, served);
    const { _id: _ignored, ...reply } = served;
    return answer({ checkin: reply });
  });
  return router;
}
