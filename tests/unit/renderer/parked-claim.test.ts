/**
 * Whether a register may resume a parked sale: the server's claim online, the own-register rule
 * offline (renderer/sell/parked-claim.ts), with a fake server.
 */
import { describe, expect, it } from 'vitest';
import { claimParked } from '../../../renderer/sell/parked-claim';
import type { ApiResult, ServerApi } from '../../../renderer/platform/server-api';
import { fakeServerApi } from '../../helpers/fake-server-api';

function serverAnswering(reply: ApiResult<unknown>, calls: unknown[] = []): ServerApi {
  return fakeServerApi(({ path, body }) => {
    calls.push({ path, body });
    return reply;
  });
}

const offline: ApiResult<unknown> = {
  ok: false,
  offline: true,
  status: 0,
  code: 'offline',
  reason: 'The server cannot be reached',
  details: {},
};

const notOnServer: ApiResult<unknown> = {
  ok: false,
  offline: false,
  status: 404,
  code: 'not_found',
  reason: 'The server holds no parked sale',
  details: {},
};

const request = (parkedAt: string) => ({
  parked: { id: 'park_01A', registerId: parkedAt },
  staffId: 'staff_lan',
  registerId: 'reg-02',
});

describe('claiming a parked sale', () => {
  it('online, the server’s claim is taken word for word', async () => {
    const calls: unknown[] = [];
    const closed = { at: '2026-11-24T03:42:00.000Z', staffId: 'staff_lan', registerId: 'reg-02' };
    const claim = await claimParked(
      serverAnswering(
        { ok: true, status: 200, value: { parked: { status: 'resumed', closed } } },
        calls,
      ),
      request('reg-01'),
    );
    expect(claim).toEqual({ kind: 'claimed', closed });
    expect(calls).toEqual([
      { path: '/parked/park_01A/resume', body: { staffId: 'staff_lan', registerId: 'reg-02' } },
    ]);
  });

  it('online, a sale another register won is refused with who, where and when', async () => {
    const claim = await claimParked(
      serverAnswering({
        ok: false,
        offline: false,
        status: 409,
        code: 'already_resumed',
        reason: 'already resumed',
        details: {
          status: 'resumed',
          closed: { at: '2026-11-24T03:42:00.000Z', staffId: 'staff_minh', registerId: 'reg-01' },
          staffName: 'Trần Văn Minh',
        },
      }),
      request('reg-01'),
    );
    expect(claim).toEqual({
      kind: 'taken',
      status: 'resumed',
      registerId: 'reg-01',
      staffId: 'staff_minh',
      staffName: 'Trần Văn Minh',
      at: '2026-11-24T03:42:00.000Z',
    });
  });

  it('offline, a sale parked at this register may be resumed here', async () => {
    await expect(claimParked(serverAnswering(offline), request('reg-02'))).resolves.toEqual({
      kind: 'local',
      why: 'offline',
    });
  });

  it('offline, a sale parked at another register is refused: wait for the network', async () => {
    await expect(claimParked(serverAnswering(offline), request('reg-01'))).resolves.toEqual({
      kind: 'elsewhere',
      why: 'offline',
      registerId: 'reg-01',
    });
  });

  it('a sale the server has not received yet may be resumed only where it was parked', async () => {
    await expect(claimParked(serverAnswering(notOnServer), request('reg-02'))).resolves.toEqual({
      kind: 'local',
      why: 'not-synced',
    });
    await expect(claimParked(serverAnswering(notOnServer), request('reg-01'))).resolves.toEqual({
      kind: 'elsewhere',
      why: 'not-synced',
      registerId: 'reg-01',
    });
  });

  it('any other server failure is a refusal that says to try again', async () => {
    const claim = await claimParked(
      serverAnswering({
        ok: false,
        offline: false,
        status: 503,
        code: 'retry',
        reason: 'try again in a moment',
        details: {},
      }),
      request('reg-02'),
    );
    expect(claim).toEqual({ kind: 'failed', reason: 'try again in a moment' });
  });
});
