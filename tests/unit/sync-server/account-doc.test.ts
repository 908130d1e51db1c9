/**
 * The pure parts of the cross-process rules: which hold decisions an account document keeps, and
 * how a register's changes-feed position from the other kind of store is read after a migration.
 */
import { describe, expect, it } from 'vitest';
import { holdsToKeep, withState } from '../../../sync-server/storage/account-doc';
import type { AccountHold } from '../../../sync-server/storage/account-doc';
import { sinceForStore } from '../../../sync-server/gate/foreign-checkpoint';

const NOW = Date.parse('2026-12-03T08:00:00.000Z');
const hold = (id: string, state: AccountHold['state'], expiresAt: string): AccountHold => ({
  id,
  amount: 100,
  state,
  expiresAt,
  at: '2026-12-03T07:55:00.000Z',
  entry: { id },
});

describe('an account document keeps', () => {
  const open = hold('h-open', 'held', '2026-12-03T08:05:00.000Z');
  const lapsedLongAgo = hold('h-old', 'held', '2026-12-01T08:00:00.000Z');
  const settled = hold('h-done', 'confirmed', '2026-12-03T08:05:00.000Z');

  it('every hold the ledger does not show yet, whatever its state', () => {
    expect(holdsToKeep([open, lapsedLongAgo, settled], () => false, NOW)).toHaveLength(3);
  });

  it('open holds the ledger shows until a day after they lapse, and drops settled ones', () => {
    const kept = holdsToKeep([open, lapsedLongAgo, settled], () => true, NOW);
    expect(kept.map((each) => each.id)).toEqual(['h-open']);
  });

  it('records a new state in place of the old one', () => {
    const next = withState([open, settled], open, 'released');
    expect(next.filter((each) => each.id === 'h-open')).toEqual([{ ...open, state: 'released' }]);
    expect(next).toHaveLength(2);
  });
});

describe('a changes-feed position kept from the other kind of store', () => {
  it('reads as 0 on CouchDB when it is a PouchDB number, and is kept when it is CouchDB’s own', () => {
    expect(sinceForStore('200', 'couchdb')).toBe('0');
    expect(
      sinceForStore(
        '12-g1AAAAB4eJzLYWBgYMpgSmHgKy5JLCrJTq2MT8lPzkzJBYozGxkYmBuYmlmaGhkBADcRCr4',
        'couchdb',
      ),
    ).toMatch(/^12-/);
  });

  it('reads as 0 on the embedded store when it is a CouchDB string, and is kept when a number', () => {
    expect(sinceForStore('12-g1AAAAB4eJzLYW', 'embedded')).toBe('0');
    expect(sinceForStore('200', 'embedded')).toBe('200');
  });

  it('leaves 0 and now alone on both', () => {
    for (const store of ['embedded', 'couchdb'] as const) {
      expect(sinceForStore('0', store)).toBe('0');
      expect(sinceForStore('now', store)).toBe('now');
    }
  });
});
