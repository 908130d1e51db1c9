/**
 * A copied replica allows no offline PIN guessing (issue #15): a register receives, for each
 * member, `HMAC(its device key, PBKDF2(pin))` instead of the PBKDF2 hash, through every read of
 * the replication protocol. The attack first: with the demo's all-stores manager (PIN 9999)
 * read as a Hà Nội register would, the right PIN must not be confirmable from the document alone.
 * Then the defence holds for the register itself: its device host fetches its key
 * (`GET /api/v1/device/pin-key`, main/host/pin-key.ts), keeps it in a file of its own, and
 * confirms the PIN, offline too.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PinHash, PinVerifier } from '../../../src/documents';
import { DEMO_OTHER_STORE_ID } from '../../../src/demo/demo-ids';
import { pinMatches } from '../../../renderer/auth/pin';
import {
  fromBase64,
  PinKeyUnavailable,
  verifierMatches,
} from '../../../renderer/auth/pin-verifier';
import type { PinMac } from '../../../renderer/auth/pin-verifier';
import { createPinMac } from '../../../main/host/pin-key';
import { startSyncServerProcess } from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';

let server: SyncServerProcess;
let hanoi: EnrolledDevice;
let hanoi2: EnrolledDevice;
const dirs: string[] = [];

async function get(path: string, auth: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.url}${path}`, { headers: { Authorization: auth } });
  return { status: response.status, body: await response.json() };
}

/** Every `pin` object of every document in an answer, by document id. */
function pinsIn(value: unknown, found = new Map<string, Record<string, unknown>>()) {
  if (Array.isArray(value)) value.forEach((item) => pinsIn(item, found));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record._id === 'string' && record.pin && typeof record.pin === 'object') {
      found.set(record._id, record.pin as Record<string, unknown>);
    }
    Object.values(record).forEach((item) => pinsIn(item, found));
  }
  return found;
}

async function haAsSeenBy(device: EnrolledDevice): Promise<PinVerifier> {
  const { body } = await get('/db/staff/staff_ha', device.auth);
  return (body as { pin: PinVerifier }).pin;
}

/** The host's HMAC as the page gets it, through `auth/pin-mac`'s implementation. */
function macThrough(keeper: ReturnType<typeof createPinMac>): PinMac {
  return async (hash) => {
    const result = await keeper.mac(Buffer.from(hash).toString('base64'));
    if (!result.ok) throw new PinKeyUnavailable(result.message);
    return fromBase64(result.value.mac);
  };
}

function keyFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'omnitill-pin-key-'));
  dirs.push(dir);
  return join(dir, 'keys', 'device-pin.key');
}

beforeAll(async () => {
  server = await startSyncServerProcess({ seedDemo: true });
  hanoi = await server.enrollDevice(DEMO_OTHER_STORE_ID, 'Hà Nội register 1');
  hanoi2 = await server.enrollDevice(DEMO_OTHER_STORE_ID, 'Hà Nội register 2');
}, 60_000);

afterAll(async () => {
  await server?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('staff PINs in a register’s replica', () => {
  it('no read of the staff database gives a register a PIN hash', async () => {
    const reads = [
      await get('/db/staff/_changes?style=all_docs&include_docs=true', hanoi.auth),
      await get('/db/staff/_changes?feed=longpoll&include_docs=true&since=0', hanoi.auth),
      await get('/db/staff/_all_docs?include_docs=true', hanoi.auth),
      await get('/db/staff/staff_ha', hanoi.auth),
      await get('/db/staff/staff_ha?open_revs=all', hanoi.auth),
      await get('/db/staff/staff_tuan?revs=true', hanoi.auth),
    ];
    const bulk = await fetch(`${server.url}/db/staff/_bulk_get`, {
      method: 'POST',
      headers: { Authorization: hanoi.auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ docs: [{ id: 'staff_ha' }, { id: 'staff_tuan' }] }),
    });
    reads.push({ status: bulk.status, body: await bulk.json() });
    for (const read of reads) {
      expect(read.status).toBe(200);
      const pins = pinsIn(read.body);
      expect(pins.size).toBeGreaterThan(0);
      for (const pin of pins.values()) {
        expect(pin.algorithm).toBe('pbkdf2-sha256-hmac');
        expect(pin.hash).toBeUndefined();
        expect(typeof pin.verifier).toBe('string');
      }
    }
    // The administrator (and the server itself) still holds the hash.
    const stored = (await get('/db/staff/staff_ha', server.adminAuth)).body as { pin: PinHash };
    expect(stored.pin.algorithm).toBe('pbkdf2-sha256');
  });

  it('the document alone confirms no PIN, not even the right one', async () => {
    const held = await haAsSeenBy(hanoi);
    // Read as a hash (what a copied replica held before), the right PIN does not match.
    const asHash: PinHash = { ...held, algorithm: 'pbkdf2-sha256', hash: held.verifier };
    expect(await pinMatches('9999', asHash)).toBe(false);
    // As a verifier, nothing is checked without the device host's key.
    await expect(pinMatches('9999', held)).rejects.toBeInstanceOf(PinKeyUnavailable);
    // Two registers of one store hold different verifiers for the same member.
    expect((await haAsSeenBy(hanoi2)).verifier).not.toBe(held.verifier);
  });

  it('hands each register its own key only, and nobody else one', async () => {
    const mine = await get('/api/v1/device/pin-key', hanoi.auth);
    expect(mine.status).toBe(200);
    expect((mine.body as { deviceId: string }).deviceId).toBe(hanoi.deviceId);
    const other = await get('/api/v1/device/pin-key', hanoi2.auth);
    expect((other.body as { key: string }).key).not.toBe((mine.body as { key: string }).key);
    expect((await get('/api/v1/device/pin-key', server.adminAuth)).status).toBe(403);
    const wrong = `Basic ${Buffer.from(`${hanoi.deviceId}:not-the-secret`).toString('base64')}`;
    expect((await get('/api/v1/device/pin-key', wrong)).status).toBe(401);
  });

  it('the register’s device host confirms the right PIN, online and then offline', async () => {
    const file = keyFile();
    const online = createPinMac({
      serverUrl: server.url,
      deviceId: hanoi.deviceId,
      deviceSecret: hanoi.secret,
      keyFile: file,
    });
    const held = await haAsSeenBy(hanoi);
    expect(await verifierMatches('9999', held, macThrough(online))).toBe(true);
    expect(await verifierMatches('9998', held, macThrough(online))).toBe(false);
    // The key is kept in a file only its owner reads.
    expect(statSync(file).mode & 0o777).toBe(0o600);

    // The server is unreachable: the kept key still checks PINs.
    const offline = createPinMac({
      serverUrl: 'http://127.0.0.1:9',
      deviceId: hanoi.deviceId,
      deviceSecret: hanoi.secret,
      keyFile: file,
    });
    expect(await verifierMatches('9999', held, macThrough(offline))).toBe(true);
    // Another register's key file does not open this register's verifiers.
    const other = createPinMac({
      serverUrl: server.url,
      deviceId: hanoi2.deviceId,
      deviceSecret: hanoi2.secret,
      keyFile: keyFile(),
    });
    expect(await verifierMatches('9999', held, macThrough(other))).toBe(false);
  });

  it('says what to do when a register never got its key', async () => {
    const keeper = createPinMac({
      serverUrl: 'http://127.0.0.1:9',
      deviceId: hanoi.deviceId,
      deviceSecret: hanoi.secret,
      keyFile: keyFile(),
    });
    const result = await keeper.mac(Buffer.alloc(32).toString('base64'));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe('not-configured');
      expect(result.message).toContain('kết nối máy chủ');
      expect(result.message).toContain('connect it to the server once');
    }
  });
});
