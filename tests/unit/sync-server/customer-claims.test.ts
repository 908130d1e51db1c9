/**
 * Customer identity claims on the embedded store: of many creations of one phone at once,
 * exactly one customer wins and every other is told who holds it; a given-back claim is free
 * again. (The same create-only write is what CouchDB serialises across server processes.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { INTERNAL_DATABASES } from '../../../sync-server/storage/database-layout';
import { PouchDocumentStore } from '../../../sync-server/storage/pouch-document-store';
import {
  claimIdentity,
  releaseClaims,
} from '../../../sync-server/gate/push-checks/customer-claims';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function openStore(): Promise<PouchDocumentStore> {
  const dir = mkdtempSync(join(tmpdir(), 'omnitill-claims-'));
  const store = new PouchDocumentStore(dir);
  await store.ensureDatabase(INTERNAL_DATABASES.customerClaims);
  cleanups.push(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return store;
}

describe('claiming a phone number', () => {
  it('gives it to exactly one of many customers created at once', async () => {
    const store = await openStore();
    const claim = { kind: 'phone' as const, value: '+84987654321' };
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, n) => claimIdentity(store, claim, `cust_${n}`)),
    );
    const holders = new Set(outcomes.map((outcome) => outcome.holder));
    expect(holders.size).toBe(1);
    expect(outcomes.filter((outcome) => outcome.createdRev !== undefined)).toHaveLength(1);
    // A retry of the winner is still the winner's.
    const [winner] = [...holders];
    expect((await claimIdentity(store, claim, winner!)).holder).toBe(winner);
  });

  it('frees a claim given back, for the next customer', async () => {
    const store = await openStore();
    const claim = { kind: 'card' as const, value: 'LC12345678' };
    const first = await claimIdentity(store, claim, 'cust_a');
    await releaseClaims(store, [{ claim, rev: first.createdRev! }]);
    expect(await claimIdentity(store, claim, 'cust_b')).toMatchObject({ holder: 'cust_b' });
  });
});
