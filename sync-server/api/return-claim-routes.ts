import { Router } from 'express';
import { forbidden } from '../http/api-error';
import { principalOf } from '../access/auth';
import { claimReturn } from '../gate/push-checks/return-claims';
import type { ServerContext } from '../server-context';
import { answer, contractRoute } from './contract-route';

/**
 * A register online reserves the pieces of a return before it writes it (return-claims.ts):
 * of two registers returning the same pieces at once, one gets 201 and the other 409
 * `over_return` with what is still free.
 */
export function returnClaimRoutes(context: ServerContext): Router {
  const router = Router();
  contractRoute(router, 'returns/claim', context.auth.require('device'), async (request, res) => {
    const principal = principalOf(res);
    if (principal.kind !== 'device') throw forbidden('Return claims are made by registers.');
    const { created, claim } = await claimReturn(
      {
        store: context.store,
        index: context.index,
        settingsHistory: context.settingsHistory,
        ttlMs: context.holdTtlMs,
      },
      principal,
      request,
    );
    return answer(claim, created ? 201 : 200);
  });
  return router;
}
