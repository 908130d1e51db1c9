/**
 * Card numbers and phones are unique across the chain: a register creating a second customer
 * with a known loyalty card or phone (however the phone is written) is refused
 * `duplicate_customer`, and of two registers creating the same new customer at once exactly one
 * is accepted (the claim is a create-only document, so the database decides, not the process;
 * with OMNITILL_TEST_COUCHDB_URL set the same runs against CouchDB).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerDoc } from '../../../../src/documents';
import { startSyncServerProcess } from '../../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../../helpers/sync-server-process';
import { pushTo, storedIn } from './ledger-fixtures';
import { rejectionCodes } from './sale-attack-fixtures';

let counter = 0;
const nextId = () => `cust_adv${String(++counter).padStart(4, '0')}${Date.now() % 100_000}`;

function customer(device: EnrolledDevice, fields: Partial<CustomerDoc>): CustomerDoc {
  const now = new Date().toISOString();
  return {
    id: nextId(),
    name: 'Nguyễn Văn Khách',
    origin: { channel: 'store', storeId: device.storeId, deviceId: device.deviceId },
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}

/** A new phone number no demo customer has. */
const newPhone = () => `+8498${String(Date.now() % 10_000_000).padStart(7, '0')}${counter % 10}`;

async function pushCustomer(
  server: SyncServerProcess,
  device: EnrolledDevice,
  doc: CustomerDoc,
): Promise<{ error?: string; reason?: string }> {
  const [row] = await pushTo(server, device, 'customers', [doc]);
  return row ?? { error: 'no row' };
}

describe('one server', () => {
  let server: SyncServerProcess;
  let register: EnrolledDevice;
  let other: EnrolledDevice;

  beforeAll(async () => {
    server = await startSyncServerProcess({ seedDemo: true });
    register = await server.enrollDevice('hcm-q1', 'reg-01');
    other = await server.enrollDevice('hn-hk', 'reg-01');
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  async function expectDuplicate(doc: CustomerDoc, device = register): Promise<void> {
    const row = await pushCustomer(server, device, doc);
    expect(row, JSON.stringify(row)).toMatchObject({ error: 'forbidden', rejected: true });
    expect((await rejectionCodes(server, device)).get(doc.id)).toBe('duplicate_customer');
    expect(await storedIn(server, 'customers', doc.id)).toBe(false);
  }

  it('refuses a second customer with a demo customer’s card and phone', async () => {
    await expectDuplicate(
      customer(register, { loyaltyCardNumber: 'LC00000011', phone: '+84900000011' }),
    );
    await expectDuplicate(customer(register, { loyaltyCardNumber: 'LC00000012' }));
    await expectDuplicate(customer(register, { loyaltyCardNumber: 'lc00000013' }));
    // The trunk 0 written after the country code is the same number.
    await expectDuplicate(customer(register, { phone: '+840900000014' }));
  });

  it('accepts a new customer once; the same phone or card again is refused, from any store', async () => {
    const phone = newPhone();
    const first = customer(register, { phone, loyaltyCardNumber: `LC9${counter}7` });
    expect((await pushCustomer(server, register, first)).error).toBeUndefined();
    // The same document again (a retry) is no duplicate of itself.
    expect((await pushCustomer(server, register, first)).error).toBeUndefined();
    await expectDuplicate(customer(other, { phone }), other);
    await expectDuplicate(
      customer(register, { loyaltyCardNumber: first.loyaltyCardNumber! }),
      register,
    );
  });

  it('accepts exactly one of two registers creating the same customer at once', async () => {
    for (let round = 0; round < 5; round++) {
      const phone = newPhone();
      const rows = await Promise.all([
        pushCustomer(server, register, customer(register, { phone })),
        pushCustomer(server, other, customer(other, { phone })),
      ]);
      expect(rows.filter((row) => row.error === undefined)).toHaveLength(1);
    }
  });
});
