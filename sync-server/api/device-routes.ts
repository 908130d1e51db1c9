import { Router } from 'express';
import { sendJson } from '../api-error';
import { isPlainObject, readJsonBody } from '../read-json-body';
import { badRequest } from '../api-error';
import type { ClientRecord } from '../device-registry';
import type { ServerContext } from '../server-context';
import { asyncRoute } from './async-route';

function publicRecord(record: ClientRecord) {
  return {
    id: record._id,
    kind: record.kind,
    name: record.name,
    ...(record.storeId ? { storeId: record.storeId } : {}),
    createdAt: record.createdAt,
    ...(record.revokedAt ? { revokedAt: record.revokedAt } : {}),
  };
}

/** Enrolment and revocation of registers (devices) and web shops: admin only. */
export function deviceRoutes(context: ServerContext): Router {
  const router = Router();
  const admin = context.auth.require('admin');

  router.post(
    '/admin/devices',
    admin,
    asyncRoute(async (req, res) => {
      const body = await readJsonBody(req);
      if (!isPlainObject(body)) throw badRequest('Send {"storeId": "...", "name": "..."}.');
      const enrolment = await context.registry.enrol('device', body.name, body.storeId);
      sendJson(res, 201, {
        deviceId: enrolment.id,
        secret: enrolment.secret,
        storeId: enrolment.storeId,
        name: enrolment.name,
      });
    }),
  );

  router.get('/admin/devices', admin, (_req, res) =>
    sendJson(res, 200, { devices: context.registry.list().map(publicRecord) }),
  );

  router.delete(
    '/admin/devices/:id',
    admin,
    asyncRoute(async (req, res) => {
      const record = await context.registry.revoke(String(req.params.id));
      sendJson(res, 200, { ok: true, ...publicRecord(record) });
    }),
  );

  router.post(
    '/admin/shops',
    admin,
    asyncRoute(async (req, res) => {
      const body = await readJsonBody(req);
      if (!isPlainObject(body)) throw badRequest('Send {"name": "..."}.');
      const enrolment = await context.registry.enrol('shop', body.name, undefined);
      sendJson(res, 201, { shopId: enrolment.id, token: enrolment.secret, name: enrolment.name });
    }),
  );

  return router;
}
