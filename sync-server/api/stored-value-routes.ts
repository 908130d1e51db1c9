import { Router } from 'express';
import { badRequest, sendJson } from '../api-error';
import { principalOf } from '../auth';
import { isPlainObject, readJsonBody } from '../read-json-body';
import type { ServerContext } from '../server-context';
import { StoredValueService } from '../stored-value';
import { asyncRoute } from './async-route';

/**
 * Credit notes and gift cards (docs/API.md, "Stored value"): the balance of a note for a
 * register of any store (a note may be spent anywhere), holds placed before the tender is taken,
 * confirmed when the sale completes and released when it does not, and gift card issues by the
 * admin. One service per server: its queue serialises every decision that reads a balance.
 */
export function storedValueRoutes(context: ServerContext): Router {
  const router = Router();
  const service = new StoredValueService(context);
  const registers = context.auth.require('admin', 'device');

  router.get(
    '/stored-value/:number',
    registers,
    asyncRoute(async (req, res) => {
      sendJson(res, 200, await service.balance(String(req.params.number)));
    }),
  );
  router.post(
    '/stored-value/holds',
    registers,
    asyncRoute(async (req, res) => {
      const body = await readJsonBody(req);
      if (!isPlainObject(body))
        throw badRequest('Send {"number", "amount", "saleId", "idempotencyKey"}.');
      const { created, hold } = await service.hold(principalOf(res), body);
      sendJson(res, created ? 201 : 200, hold);
    }),
  );
  router.post(
    '/stored-value/holds/:id/confirm',
    registers,
    asyncRoute(async (req, res) => {
      sendJson(res, 200, await service.confirm(principalOf(res), String(req.params.id)));
    }),
  );
  router.post(
    '/stored-value/holds/:id/release',
    registers,
    asyncRoute(async (req, res) => {
      sendJson(res, 200, await service.release(principalOf(res), String(req.params.id)));
    }),
  );
  router.post(
    '/admin/gift-cards',
    context.auth.require('admin'),
    asyncRoute(async (req, res) => {
      const body = await readJsonBody(req);
      if (!isPlainObject(body))
        throw badRequest(
          'Send {"cardNumber", "amount", "currency"?, "expiresAt"?, "idempotencyKey"?}.',
        );
      const { created, card } = await service.issueGiftCard(body);
      sendJson(res, created ? 201 : 200, card);
    }),
  );
  return router;
}
