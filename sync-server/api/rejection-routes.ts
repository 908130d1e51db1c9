import { Router } from 'express';
import { forbidden, sendJson } from '../api-error';
import { principalOf } from '../auth';
import type { ServerContext } from '../server-context';
import { asyncRoute } from './async-route';

/** The rejection log: all of it for the admin, a device's own with ?mine=1. */
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
      const limit = Math.min(Number(req.query.limit ?? 500) || 500, 5000);
      const by = principal.kind === 'device' ? principal.id : mine ? 'admin' : undefined;
      const rejections = await context.rejections.list({ ...(by ? { by } : {}), limit });
      sendJson(res, 200, { rejections });
    }),
  );
  return router;
}
