/**
 * PinAttempts holds no state of its own: two of them over one document store stand for two
 * sync-server instances on one CouchDB. A register alternating its guesses between them, or
 * sending them to both at once, gets no more than 5 before the 60 s lockout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  MAX_PIN_FAILURES,
  PIN_LOCKOUT_MS,
  PinAttempts,
} from '../../../sync-server/access/pin-attempts';
import { INTERNAL_DATABASES } from '../../../sync-server/storage/database-layout';
import { PouchDocumentStore } from '../../../sync-server/storage/pouch-document-store';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function twoInstances() {
  const dir = mkdtempSync(join(tmpdir(), 'omnitill-pin-attempts-'));
  const store = new PouchDocumentStore(dir);
  cleanups.push(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  await store.ensureDatabase(INTERNAL_DATABASES.pinAttempts);
  const clock = { now: Date.parse('2026-12-03T09:00:00Z') };
  const now = () => clock.now;
  return { store, clock, a: new PinAttempts(store, now), b: new PinAttempts(store, now) };
}

describe('PIN attempts shared by two instances on one store', () => {
  it('locks a register out after 5 wrong PINs alternated between the instances', async () => {
    const { a, b } = await twoInstances();
    const waits: number[] = [];
    for (let n = 0; n < MAX_PIN_FAILURES; n++) waits.push(await (n % 2 ? b : a).begin('dev_1'));
    expect(waits).toEqual([0, 0, 0, 0, 0]);
    expect(await a.begin('dev_1')).toBe(PIN_LOCKOUT_MS);
    expect(await b.begin('dev_1')).toBe(PIN_LOCKOUT_MS);
    expect(await b.lockedFor('dev_1')).toBe(PIN_LOCKOUT_MS);
    // Another register is not locked.
    expect(await b.begin('dev_2')).toBe(0);
  });

  it('checks no more than 5 of a burst sent to both instances at once', async () => {
    const { a, b } = await twoInstances();
    const waits = await Promise.all(
      Array.from({ length: 16 }, (_, n) => (n % 2 ? b : a).begin('dev_1')),
    );
    expect(waits.filter((wait) => wait === 0)).toHaveLength(MAX_PIN_FAILURES);
  });

  it('counts again once the lockout is over, and forgives the attempts when a PIN matches', async () => {
    const { a, b, clock, store } = await twoInstances();
    for (let n = 0; n < MAX_PIN_FAILURES; n++) await a.begin('dev_1');
    clock.now += PIN_LOCKOUT_MS - 1_000;
    expect(await b.begin('dev_1')).toBe(1_000);
    clock.now += 1_000;
    expect(await b.begin('dev_1')).toBe(0);
    // Four more wrong, then the right PIN through the other instance: the count starts over.
    for (let n = 0; n < 3; n++) await b.begin('dev_1');
    expect(await a.begin('dev_1')).toBe(0);
    await a.succeeded('dev_1');
    for (let n = 0; n < MAX_PIN_FAILURES - 1; n++) expect(await b.begin('dev_1')).toBe(0);
    expect(await a.lockedFor('dev_1')).toBe(0);
    // One document per register, whatever happened to it.
    const docs = await store.allDocs(INTERNAL_DATABASES.pinAttempts);
    expect(docs.map((doc) => doc._id)).toEqual(['pin_dev_1']);
  });
});
