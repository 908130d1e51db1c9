import { Router } from 'express';
import type { ClientView } from '../../src/api';
import type { ClientRecord } from '../access/device-registry';
import type { ServerContext } from '../server-context';
import { principalOf } from '../access/auth';
import { ApiError } from '../http/api-error';
import { answer, contractRoute } from './contract-route';

function publicRecord(record: ClientRecord): ClientView {
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

  contractRoute(router, 'admin/enrol-device', admin, async (request) => {
    const enrolment = await context.registry.enrol('device', request.name, request.storeId);
    return answer(
      {
        deviceId: enrolment.id,
        secret: enrolment.secret,
        storeId: enrolment.storeId ?? request.storeId,
        name: enrolment.name,
      },
      201,
    );
  });

  contractRoute(router, 'admin/list-devices', admin, () =>
    Promise.resolve(answer({ devices: context.registry.list().map(publicRecord) })),
  );

  contractRoute(router, 'admin/revoke-device', admin, async ({ id }) => {
    const record = await context.registry.revoke(id);
    return answer({ ok: true as const, ...publicRecord(record) });
  });

  // Only the register itself: the key opens the PIN verifiers of its replica, nobody else's.
  contractRoute(router, 'device/pin-key', context.auth.require('device'), (_request, res) => {
    const principal = principalOf(res);
    if (principal.kind !== 'device') throw new ApiError(403, 'forbidden', 'Registers only.');
    const key = Buffer.from(context.pinKeyOf(principal.id)).toString('base64');
    return Promise.resolve(answer({ deviceId: principal.id, key }));
  });

  contractRoute(router, 'admin/enrol-shop', admin, async (request) => {
    const enrolment = await context.registry.enrol('shop', request.name, undefined);
    return answer({ shopId: enrolment.id, token: enrolment.secret, name: enrolment.name }, 201);
  });

  return router;
}
