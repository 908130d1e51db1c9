/**
 * The keypad's lockout survives a reload and clearing localStorage (issue #15: it lived in
 * localStorage, so `localStorage.clear()` gave five more guesses). It is kept in a local document
 * of the register's replica; a reload is a new PinLockout read from the same replica.
 */
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  LOCKOUT_MS,
  MAX_PIN_ATTEMPTS,
  PinLockout,
  replicaLockoutStore,
} from '../../../renderer/auth/pin';
import { openReplica } from '../../../renderer/data/database';
import type { ReplicaDatabase } from '../../../renderer/data/database';

let db: ReplicaDatabase;
const NOW = Date.parse('2026-12-03T10:00:00Z');

beforeEach(async () => {
  db = await openReplica(`lockout${String(Math.random()).slice(2, 10)}`, getRxStorageMemory());
});

afterEach(async () => {
  await db.close();
});

/** A reload (or a cleared localStorage, which no longer holds anything of it). */
async function reload(): Promise<PinLockout> {
  return PinLockout.open(replicaLockoutStore(db));
}

describe('PIN lockout', () => {
  it('stays locked after a reload with localStorage cleared', async () => {
    const lockout = await PinLockout.open(replicaLockoutStore(db));
    for (let i = 0; i < MAX_PIN_ATTEMPTS; i++) await lockout.recordFailure(NOW);
    expect(lockout.remaining(NOW)).toBe(LOCKOUT_MS);
    const afterReload = await reload();
    expect(afterReload.remaining(NOW + 1000)).toBe(LOCKOUT_MS - 1000);
    expect(afterReload.remaining(NOW + LOCKOUT_MS)).toBe(0);
  });

  it('keeps the count of failed attempts across a reload', async () => {
    const lockout = await PinLockout.open(replicaLockoutStore(db));
    await lockout.recordFailure(NOW);
    await lockout.recordFailure(NOW);
    const afterReload = await reload();
    expect(afterReload.attemptsLeft()).toBe(MAX_PIN_ATTEMPTS - 2);
    for (let i = 2; i < MAX_PIN_ATTEMPTS; i++) await afterReload.recordFailure(NOW);
    expect(afterReload.remaining(NOW)).toBe(LOCKOUT_MS);
  });

  it('a right PIN clears the count, also for the next reload', async () => {
    const lockout = await PinLockout.open(replicaLockoutStore(db));
    await lockout.recordFailure(NOW);
    await lockout.recordSuccess();
    expect((await reload()).attemptsLeft()).toBe(MAX_PIN_ATTEMPTS);
  });
});
