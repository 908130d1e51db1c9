/**
 * Which of two writers told `ok` by a CouchDB cluster really won (couchdb-races.ts): both must
 * reach the same answer from the same leaves, by CouchDB's own rule, and the loser must give
 * its revision up and say `conflict`.
 */
import { describe, expect, it } from 'vitest';
import { settleRace, winningLeaf, wonRace } from '../../../sync-server/storage/couchdb-races';
import type { Leaf, RaceTransport } from '../../../sync-server/storage/couchdb-races';

const leaf = (rev: string, history: string[] = [], deleted = false): Leaf => ({
  _rev: rev,
  ...(deleted ? { _deleted: true } : {}),
  _revisions: {
    start: Number(rev.split('-')[0]),
    ids: [rev.split('-')[1] ?? '', ...history],
  },
});

describe('the winner among a document’s leaves', () => {
  it('is the greater revision id between two creations, whichever order they are read in', () => {
    const a = leaf('1-aaa');
    const b = leaf('1-bbb');
    expect(winningLeaf([a, b])?._rev).toBe('1-bbb');
    expect(winningLeaf([b, a])?._rev).toBe('1-bbb');
    expect(wonRace('1-bbb', [a, b])).toBe(true);
    expect(wonRace('1-aaa', [b, a])).toBe(false);
  });

  it('prefers the longer history, then a live leaf over a deleted one', () => {
    expect(winningLeaf([leaf('2-aaa', ['x']), leaf('1-zzz')])?._rev).toBe('2-aaa');
    expect(winningLeaf([leaf('3-zzz', ['y', 'x'], true), leaf('2-aaa', ['x'])])?._rev).toBe(
      '2-aaa',
    );
  });

  it('counts a write as won when the winner was built on it', () => {
    const built = leaf('2-ccc', ['aaa']);
    expect(wonRace('1-aaa', [built, leaf('1-bbb')])).toBe(true);
    expect(wonRace('1-bbb', [built, leaf('1-bbb')])).toBe(false);
  });

  it('counts nothing as won when no copy holds the document', () => {
    expect(wonRace('1-aaa', [])).toBe(false);
  });
});

describe('settling a write the cluster answered ok', () => {
  function transport(leaves: Leaf[]): RaceTransport & { written: Record<string, unknown>[] } {
    const written: Record<string, unknown>[] = [];
    return {
      written,
      get: (path) => {
        expect(path).toBe('claim%2F1?open_revs=all&revs=true&r=3');
        return Promise.resolve({ status: 200, json: leaves.map((ok) => ({ ok })) });
      },
      write: (doc) => {
        written.push(doc);
        return Promise.resolve({ id: String(doc._id), ok: true, rev: '2-del' });
      },
    };
  }

  it('keeps the row of the winner and writes nothing', async () => {
    const io = transport([leaf('1-aaa'), leaf('1-bbb')]);
    const row = { id: 'claim/1', ok: true, rev: '1-bbb' };
    expect(await settleRace(io, row, 3)).toEqual(row);
    expect(io.written).toEqual([]);
  });

  it('turns the loser into a conflict and deletes its revision', async () => {
    const io = transport([leaf('1-aaa'), leaf('1-bbb')]);
    const settled = await settleRace(io, { id: 'claim/1', ok: true, rev: '1-aaa' }, 3);
    expect(settled).toMatchObject({ id: 'claim/1', error: 'conflict' });
    expect(settled.ok).toBeUndefined();
    expect(io.written).toEqual([{ _id: 'claim/1', _rev: '1-aaa', _deleted: true }]);
  });

  it('leaves refused rows alone, and fails loudly when the copies cannot be read', async () => {
    const refused = { id: 'claim/1', error: 'conflict', reason: 'Document update conflict.' };
    expect(await settleRace(transport([]), refused, 3)).toBe(refused);
    const broken: RaceTransport = {
      get: () => Promise.resolve({ status: 500, json: { error: 'nodedown' } }),
      write: () => Promise.resolve(undefined),
    };
    await expect(settleRace(broken, { id: 'claim/1', ok: true, rev: '1-a' }, 3)).rejects.toThrow(
      /could not show every copy of claim\/1/,
    );
  });
});
