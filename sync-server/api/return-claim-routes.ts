import { Router } from 'express';
import { badRequest, forbidden, sendJson } from '../api-error';
import { principalOf } from '../auth';
import { claimReturn } from '../push-checks/return-claims';
import { isPlainObject, readJsonBody } from '../read-json-body';
import type { ServerContext } from '../server-context';
import { asyncRoute } from './async-route';

/**
 * A register online reserves the pieces of a return before it writes it (return-claims.ts):
 * of two registers returning the same pieces at once, one gets 201 and the other 409
 * `over_return` with what is still free.
 */
export function returnClaimRoutes(context: ServerContext): Router {
  const router = Router();
  router.post(
    '/returns/claims',
    context.auth.require('device'),
    asyncRoute(async (req, res) => {
      const principal = principalOf(res);
      if (principal.kind !== 'device') throw forbidden('Return claims are made by registers.');
      const body = await readJsonBody(req);
      if (!isPlainObject(body)) {
        throw badRequest(
          'Send {"returnId", "original", "lines": [{"originalLineId", "quantity"}]}.',
        );
      }
      const { created, claim } = await claimReturn(
        {
          store: context.store,
          index: context.index,
          settingsHistory: context.settingsHistory,
          ttlMs: context.holdTtlMs,
        },
        principal,
        body,
      );
      sendJson(res, created ? 201 : 200, claim);
    }),
  );
  return router;
}
