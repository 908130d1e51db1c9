import { Router } from 'express';
import { badRequest, forbidden, sendJson } from '../api-error';
import { principalOf } from '../auth';
import type { ServerContext } from '../server-context';
import { asyncRoute } from './async-route';

/** A page holds at most this many refusals (summaries of a few hundred bytes each). */
const MAX_PAGE = 1000;

/** The rejection log: all of it for the admin, a device's own with ?mine=1; paged. */
export function rejectionRoutes(context: ServerContext): Router {
  const router = Router();
  router.get(
    '/rejections',
    context.auth.require('admin', 'device'),
    asyncRoute(async (req, res) => {
      const principal = principalOf(res);
      const mine = req.query.mine === '1' || req.query.mine === 'true';
      if (principal.kind === 'device' && !mine) {
        throw forbidden(
          'a device sees its own rejections only: call GET /api/v1/rejections?mine=1',
        );
      }
      const limit = Math.min(Number(req.query.limit ?? 500) || 500, MAX_PAGE);
      const before = req.query.before;
      if (before !== undefined && (typeof before !== 'string' || before.length > 300)) {
        throw badRequest('before must be the "next" of the previous page.');
      }
      const by = principal.kind === 'device' ? principal.id : mine ? 'admin' : undefined;
      const page = await context.rejections.list({
        ...(by ? { by } : {}),
        ...(before ? { before } : {}),
        limit,
      });
      sendJson(res, 200, page);
    }),
  );
  return router;
}
