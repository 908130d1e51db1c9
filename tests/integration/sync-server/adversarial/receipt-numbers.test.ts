/**
 * Receipt numbers at the server's door (sync-server/gate/push-checks/receipt-number-check.ts),
 * pushed by enrolled registers to a real sync-server process: a number is given once (a second
 * sale with it is refused, the same sale again is not), belongs to its store and register and to
 * the device that numbers that register, and a number whose predecessor has not arrived is
 * accepted and flagged for a manager.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SaleDoc, StoreSettingsDoc } from '../../../../src/documents';
import { receiptNumberFor } from '../../../../src/receipt/receipt-number';
import { startSyncServerProcess } from '../../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../../helpers/sync-server-process';
import {
  buildSale,
  flagIds,
  lineOf,
  product,
  push,
  readAsAdmin,
  rejectionCodes,
  stored,
} from './sale-attack-fixtures';

let server: SyncServerProcess;
let register: EnrolledDevice;
let impostor: EnrolledDevice;
let settings: StoreSettingsDoc;

beforeAll(async () => {
  server = await startSyncServerProcess({ seedDemo: true });
  register = await server.enrollDevice('hcm-q1', 'reg-01');
  impostor = await server.enrollDevice('hcm-q1', 'reg-01 copy');
  settings = await readAsAdmin<StoreSettingsDoc>(server, 'settings/store_hcm-q1');
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

let counter = 0;

/** A coffee sold at register `registerId`, numbered `sequence` (or the number given). */
function numberedSale(
  sequence: number,
  options: { device?: EnrolledDevice; registerId?: string; receiptNumber?: string } = {},
): SaleDoc {
  const device = options.device ?? register;
  const registerId = options.registerId ?? 'reg-01';
  const sale = buildSale({
    id: `sale_rcpt${String(++counter).padStart(4, '0')}`,
    device,
    settings,
    cart: { lines: [lineOf(product('SKU000001'), 'l1')] },
  });
  return {
    ...sale,
    registerId,
    receiptNumber: options.receiptNumber ?? receiptNumberFor(device.storeId, registerId, sequence),
    receiptSeq: sequence,
  };
}

async function expectAccepted(doc: SaleDoc, device = register): Promise<void> {
  const [row] = await push(server, device, [doc]);
  expect(row?.error, row?.reason).toBeUndefined();
  expect(await stored(server, device, doc.id)).toBe(true);
}

async function expectRefused(doc: SaleDoc, code: string, device = register): Promise<string> {
  const [row] = await push(server, device, [doc]);
  expect(row).toMatchObject({ id: doc.id, error: 'forbidden', rejected: true });
  expect((await rejectionCodes(server, device)).get(doc.id)).toBe(code);
  expect(await stored(server, device, doc.id)).toBe(false);
  return row?.reason ?? '';
}

const gapFlags = async () =>
  (await flagIds(server)).filter((id) => id.startsWith('flag_receipt-number-gap_'));

describe('receipt numbers pushed to the server', () => {
  it('accepts a register numbering from 1 without a flag, and the same sale pushed again', async () => {
    const first = numberedSale(1);
    await expectAccepted(first);
    await expectAccepted(numberedSale(2));
    await expectAccepted(first);
    expect(await gapFlags()).toEqual([]);
  });

  it('refuses a second sale with a number already given: it would be a reused number', async () => {
    const reason = await expectRefused(numberedSale(2), 'reused_receipt_number');
    expect(reason).toContain('Q1-01-000002');
    expect(reason).toContain('is already sale');
  });

  it('accepts a number past a gap, flags the gap, and accepts the missing ones arriving late', async () => {
    const fifth = numberedSale(5);
    await expectAccepted(fifth);
    const flags = await gapFlags();
    expect(flags).toHaveLength(1);
    expect(flags[0]).toContain('reg-01');
    // Pushed out of order: the missing numbers come after and are not refused; 4 before 3 is
    // a gap of its own when it arrives, 3 closes both and raises none.
    await expectAccepted(numberedSale(4));
    expect(await gapFlags()).toHaveLength(2);
    await expectAccepted(numberedSale(3));
    expect(await gapFlags()).toHaveLength(2);
  });

  it('refuses a number forged for another register, another store or another sequence', async () => {
    expect(
      await expectRefused(
        numberedSale(6, { receiptNumber: 'Q1-02-000006' }),
        'receipt_number_mismatch',
      ),
    ).toContain('not one of store hcm-q1 register reg-01');
    await expectRefused(
      numberedSale(6, { receiptNumber: 'HK-01-000006' }),
      'receipt_number_mismatch',
    );
    await expectRefused(
      numberedSale(6, { receiptNumber: 'Q1-01-000007' }),
      'receipt_number_mismatch',
    );
    const { receiptSeq: _dropped, ...withoutSequence } = numberedSale(6);
    await expectRefused(withoutSequence, 'receipt_number_mismatch');
  });

  it("refuses another device numbering this register's receipts, until this one is revoked", async () => {
    const reason = await expectRefused(
      numberedSale(6, { device: impostor }),
      'receipt_number_mismatch',
      impostor,
    );
    expect(reason).toContain(`on device ${register.deviceId}`);
    // The same device under its own register id numbers freely.
    await expectAccepted(numberedSale(1, { device: impostor, registerId: 'reg-09' }), impostor);

    // The old install retired: the new device continues reg-01 where it stopped.
    const revoked = await fetch(
      `${server.url}/api/v1/admin/devices/${encodeURIComponent(register.deviceId)}`,
      { method: 'DELETE', headers: { Authorization: server.adminAuth } },
    );
    expect(revoked.status).toBe(200);
    await expectAccepted(numberedSale(6, { device: impostor }), impostor);
    await expectRefused(numberedSale(6, { device: impostor }), 'reused_receipt_number', impostor);
  });
});
