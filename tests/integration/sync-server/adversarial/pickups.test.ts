/**
 * The server re-derives every pushed pickup of a web order from the order and its earlier
 * pickups: attacks by enrolled registers against the real sync-server process (seeded demo),
 * each refused with its reason code and nothing stored; the honest hand-over is accepted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PickupDoc, WebOrderDoc } from '../../../../src/documents';
import { minor } from '../../../../src/money';
import { amountDueForPickup } from '../../../../src/orders';
import { settle } from '../../../../src/tenders';
import { startSyncServerProcess } from '../../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../../helpers/sync-server-process';
import { pushTo, storedIn } from './ledger-fixtures';
import { rejectionCodes } from './sale-attack-fixtures';

let server: SyncServerProcess;
let register: EnrolledDevice;
let otherRegister: EnrolledDevice;
let hanoi: EnrolledDevice;

beforeAll(async () => {
  server = await startSyncServerProcess({ seedDemo: true });
  register = await server.enrollDevice('hcm-q1', 'reg-01');
  otherRegister = await server.enrollDevice('hcm-q1', 'reg-02');
  hanoi = await server.enrollDevice('hn-hk', 'reg-01');
  for (const number of ['W-10001', 'W-10002']) {
    const ready = await fetch(`${server.url}/api/v1/orders/${number}/ready`, {
      method: 'POST',
      headers: { Authorization: register.auth },
    });
    expect(ready.status).toBe(200);
  }
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

let counter = 0;
const nextId = () => `pick_pickadv${String(++counter).padStart(4, '0')}`;

async function order(number: string): Promise<WebOrderDoc> {
  const response = await fetch(`${server.url}/api/v1/orders/${number}`, {
    headers: { Authorization: register.auth },
  });
  return ((await response.json()) as { order: WebOrderDoc }).order;
}

function pickup(
  of: WebOrderDoc,
  fields: Partial<PickupDoc> & Pick<PickupDoc, 'lines'>,
  device = register,
): PickupDoc {
  return {
    id: nextId(),
    orderId: of.id,
    storeId: device.storeId,
    deviceId: device.deviceId,
    staffId: device.storeId === 'hn-hk' ? 'staff_tuan' : 'staff_lan',
    amountCollected: amountDueForPickup(of, [], fields.lines),
    createdAt: new Date().toISOString(),
    ...fields,
  };
}

async function expectRefused(doc: PickupDoc, code: string, device = register): Promise<void> {
  const db = `pickups-${device.storeId}`;
  const [row] = await pushTo(server, device, db, [doc]);
  expect(row, JSON.stringify(row)).toMatchObject({ error: 'forbidden', rejected: true });
  expect((await rejectionCodes(server, device)).get(doc.id)).toBe(code);
  expect(await storedIn(server, db, doc.id)).toBe(false);
}

describe('a pickup hands over only what the order still holds, where it is collected', () => {
  it('refuses 50 pieces of a line ordered once, and a line the order does not have', async () => {
    const prepaid = await order('W-10001');
    const line = prepaid.lines[0]!;
    await expectRefused(
      pickup(prepaid, {
        lines: [{ lineId: line.lineId, quantity: 50 }],
        amountCollected: minor(0),
      }),
      'not_derived',
    );
    await expectRefused(
      pickup(prepaid, { lines: [{ lineId: 'no-such-line', quantity: 1 }] }),
      'not_derived',
    );
  });

  it('refuses a hand-over in a store the order is not collected at', async () => {
    const prepaid = await order('W-10001');
    const line = prepaid.lines[0]!;
    await expectRefused(
      pickup(prepaid, { lines: [{ lineId: line.lineId, quantity: 1 }] }, hanoi),
      'not_derived',
      hanoi,
    );
  });

  it('refuses a pickup in another register’s name', async () => {
    const prepaid = await order('W-10001');
    const line = prepaid.lines[0]!;
    await expectRefused(
      pickup(prepaid, {
        lines: [{ lineId: line.lineId, quantity: 1 }],
        deviceId: otherRegister.deviceId,
      }),
      'forged_identity',
    );
  });

  it('refuses an order to pay at pickup handed over for nothing, then takes the honest one once', async () => {
    const toPay = await order('W-10002');
    const all = toPay.lines.map((line) => ({ lineId: line.lineId, quantity: line.quantity }));
    const due = amountDueForPickup(toPay, [], all);
    expect(due).toBeGreaterThan(0);
    await expectRefused(
      pickup(toPay, { lines: all, amountCollected: minor(0) }),
      'amount_mismatch',
    );
    const short = settle(minor(1000), [{ kind: 'cash', tenderId: 't1', amount: minor(1000) }], {
      currency: 'VND',
      cashRounding: null,
    });
    if (!short.ok) throw new Error('a cash tender of 1.000 settles');
    await expectRefused(
      pickup(toPay, { lines: all, tenders: short.settlement.tenders }),
      'amount_mismatch',
    );
    const honest = pickup(toPay, { lines: all });
    const [row] = await pushTo(server, register, 'pickups-hcm-q1', [honest]);
    expect(row?.error, row?.reason).toBeUndefined();
    // The same goods a second time, from another register of the store.
    await expectRefused(
      pickup(toPay, { lines: all, amountCollected: minor(0) }, otherRegister),
      'not_derived',
      otherRegister,
    );
  });
});
