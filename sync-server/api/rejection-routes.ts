import { Router } from 'express';
import { badRequest, forbidden } from '../http/api-error';
import { principalOf } from '../access/auth';
import type { ServerContext } from '../server-context';
import { answer, contractRoute } from './contract-route';

/** A page holds at most this many refusals (summaries of a few hundred bytes each). */
const MAX_PAGE = 1000;

/** The rejection log: all of it for the admin, a device's own with ?mine=1; paged. */
export function rejectionRoutes(context: ServerContext): Router {
  const router = Router();
  contractRoute(
    router,
    'rejections/list',
    context.auth.require('admin', 'device'),
    async (request, res) => {
      const principal = principalOf(res);
      const mine = request.mine === '1' || request.mine === 'true';
      if (principal.kind === 'device' && !mine) {
        throw forbidden(
          'a device sees its own rejections only: call GET /api/v1/rejections?mine=1',
        );
      }
      const limit = Math.min(Number(request.limit ?? 500) || 500, MAX_PAGE);
      const before = request.before;
      if (before !== undefined && before.length > 300) {
        throw badRequest('before must be the "next" of the previous page.');
      }
      const by = principal.kind === 'device' ? principal.id : mine ? 'admin' : undefined;
      const page = await context.rejections.list({
        ...(by ? { by } : {}),
        ...(before ? { before } : {}),
        limit,
      });
      return answer(page);
    },
  );
  return router;
}
