import { Router } from 'express';
import { forbidden } from '../api-error';
import { principalOf } from '../auth';
import type { ServerContext } from '../server-context';
import { answer, contractRoute } from './contract-route';

/** The rejection log: all of it for the admin, a device's own with ?mine=1. */
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
      const limit = Math.min(Number(request.limit ?? 500) || 500, 5000);
      const by = principal.kind === 'device' ? principal.id : mine ? 'admin' : undefined;
      const rejections = await context.rejections.list({ ...(by ? { by } : {}), limit });
      return answer({ rejections });
    },
  );
  return router;
}
