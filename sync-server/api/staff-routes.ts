import { Router } from 'express';
import type { StaffDoc } from '../../src/documents';
import { DEFAULT_MIN_PIN_LENGTH, MAX_PIN_LENGTH, newPinProblem } from '../../src/staff/staff-rules';
import { hashPin } from '../access/staff-pin';
import { ApiError, badRequest } from '../http/api-error';
import { fromCouchDoc, toCouchDoc } from '../storage/couch-doc';
import { putAsServer } from '../storage/document-store';
import type { ServerContext } from '../server-context';
import { answer, contractRoute } from './contract-route';

/**
 * The shortest PIN the server sets: `OMNITILL_MIN_PIN_LENGTH` (4 to 8), else 6. A server option
 * rather than a store setting: a manager's PIN works in every store, so one rule for the chain.
 */
export function minPinLength(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.OMNITILL_MIN_PIN_LENGTH;
  if (text === undefined || text === '') return DEFAULT_MIN_PIN_LENGTH;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 4 || value > MAX_PIN_LENGTH) {
    throw new Error(
      `OMNITILL_MIN_PIN_LENGTH=${text} is not a length from 4 to ${MAX_PIN_LENGTH}; unset it for ${DEFAULT_MIN_PIN_LENGTH}.`,
    );
  }
  return value;
}

/**
 * Staff are written by the server only (docs/DATA.md). The administrator creates or changes a
 * member here; a new PIN must pass the length rule (src/staff/staff-rules.ts) and is stored only
 * as its hash. A PIN set before the rule keeps working until it is changed: leaving `pin` out
 * keeps the hash as it is.
 */
export function staffRoutes(context: ServerContext): Router {
  const router = Router();
  const admin = context.auth.require('admin');
  const minLength = minPinLength();

  contractRoute(router, 'admin/set-staff', admin, async (request) => {
    if (request.active !== undefined && typeof request.active !== 'boolean') {
      throw badRequest('active must be true or false.', { field: 'active' });
    }
    const current = (await context.store.getCurrent('staff', [request.id])).get(request.id);
    const existing = current && !current._deleted ? fromCouchDoc<StaffDoc>(current) : undefined;
    if (request.pin !== undefined) {
      const problem = newPinProblem(request.pin, minLength);
      if (problem) {
        throw new ApiError(400, 'bad_request', problem.en, {
          field: 'pin',
          code: problem.code,
          reason_vi: problem.vi,
        });
      }
    } else if (!existing) {
      throw badRequest(`pin is required for a new member of staff: ${minLength} digits or more.`, {
        field: 'pin',
      });
    }
    const pin = request.pin === undefined ? existing?.pin : await hashPin(request.pin);
    if (!pin) throw new Error('A member of staff without a PIN hash.');
    const doc: StaffDoc = {
      id: request.id,
      name: request.name,
      role: request.role,
      storeIds: request.storeIds,
      pin,
      ...(request.badge !== undefined ? { badge: request.badge } : {}),
      active: request.active ?? existing?.active ?? true,
      updatedAt: new Date().toISOString(),
    };
    const row = await putAsServer(context.store, 'staff', toCouchDoc(doc));
    if (row.error || !row.rev) {
      throw new ApiError(
        409,
        row.error ?? 'conflict',
        'The member changed meanwhile; send it again.',
      );
    }
    return answer({
      ok: true as const,
      id: request.id,
      rev: row.rev,
      pinChanged: request.pin !== undefined,
    });
  });

  return router;
}
