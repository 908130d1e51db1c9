import { Router } from 'express';
import { principalOf } from '../access/auth';
import type { ServerContext } from '../server-context';
import { StoredValueService } from '../services/stored-value';
import { answer, contractRoute } from './contract-route';

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

  contractRoute(router, 'stored-value/balance', registers, async ({ number }) =>
    answer(await service.balance(number)),
  );
  contractRoute(router, 'stored-value/hold', registers, async (request, res) => {
    const { created, hold } = await service.hold(principalOf(res), request);
    return answer(hold, created ? 201 : 200);
  });
  contractRoute(router, 'stored-value/confirm', registers, async ({ id }, res) =>
    answer(await service.confirm(principalOf(res), id)),
  );
  contractRoute(router, 'stored-value/release', registers, async ({ id }, res) =>
    answer(await service.release(principalOf(res), id)),
  );
  contractRoute(router, 'admin/issue-gift-card', context.auth.require('admin'), async (request) => {
    const { created, card } = await service.issueGiftCard(request);
    return answer(card, created ? 201 : 200);
  });
  return router;
}
