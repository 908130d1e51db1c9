/**
 * A schema changed without a new version bricks every register that updates (RxDB refuses to
 * open the replica: DB6). Each shipped schema is pinned here by version and content; changing
 * one fails this test until its version goes up, its upgrade is in DOCUMENT_UPGRADES and the
 * pin below is updated (docs/DATA.md, "Changing a schema").
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../../renderer/data/collections';
import { replicaSchemas } from '../../../renderer/data/migrations';
import {
  documentTypeSpec,
  FACT_TYPE_NAMES,
  shiftSchema,
  upgradeDocument,
  upgradeProblems,
} from '../../../src/documents';
import type { DocumentSchema } from '../../../src/documents';

const PINNED: Readonly<Record<string, { version: number; sha256: string }>> = {
  products: { version: 0, sha256: '8cbd146b9f92aeeb' },
  staff: { version: 1, sha256: 'ea65d4d7cd98848f' },
  settings: { version: 6, sha256: '83edf9a4c3610dc7' },
  customers: { version: 0, sha256: 'd6ede95a341f4f07' },
  loyalty: { version: 0, sha256: '8484c97e91a46657' },
  orders: { version: 0, sha256: '5e63c4cd8ef18c85' },
  sales: { version: 2, sha256: '042c3833dcd70c8c' },
  returns: { version: 0, sha256: '0b80b3d05aa4ff5a' },
  stock: { version: 0, sha256: '3ac616c8e4e52d8b' },
  shifts: { version: 0, sha256: '9db5826984f2d9d0' },
  pickups: { version: 1, sha256: '06ff523926ce8b19' },
  cashmoves: { version: 0, sha256: 'bcbab33b9ef750b7' },
  parked: { version: 0, sha256: '3b8d0f26d08bb483' },
  facts: { version: 0, sha256: '96a9b2bf77afc181' },
};

/**
 * Every schema a register stores: its collections', and the fact kinds' inside `facts` (a replica
 * from before `facts` is upgraded with them, renderer/data/migrations.ts).
 */
const STORED = [
  ...COLLECTIONS.map((spec) => [spec.name, spec.schema] as const),
  ...FACT_TYPE_NAMES.map((kind) => [kind, documentTypeSpec(kind).schema] as const),
];

/** JSON with sorted keys, so the hash follows content only. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${stable(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const contentHash = (schema: DocumentSchema) =>
  createHash('sha256').update(stable(schema)).digest('hex').slice(0, 16);

describe('replica schema versions', () => {
  it.each(STORED)('%s: changed only with a new version', (name, schema) => {
    const pinned = PINNED[name];
    expect(pinned, `${name} has no pin: add it`).toBeDefined();
    const hash = contentHash(schema);
    if (schema.version === pinned?.version) {
      expect(hash, `${name} changed at version ${schema.version}: bump its version`).toBe(
        pinned.sha256,
      );
    } else {
      // A bumped schema: its upgrade must exist; then pin the new version and hash.
      expect({ version: schema.version, sha256: hash }).toEqual(pinned);
    }
  });

  it('every shipped schema has an upgrade for each version it went through', () => {
    expect(
      replicaSchemas(STORED.map(([name, schema]) => ({ name, schema }))).flatMap((entry) =>
        upgradeProblems(entry.schema, entry.upgrades),
      ),
    ).toEqual([]);
  });

  it('finds a missing or a stray upgrade', () => {
    const atTwo = { ...shiftSchema, version: 2 };
    expect(upgradeProblems(atTwo, { 1: (doc) => doc })).toEqual(['shift: no upgrade to version 2']);
    expect(upgradeProblems(shiftSchema, { 1: (doc) => doc })).toEqual([
      'shift: an upgrade to version 1, past version 0',
    ]);
  });

  it('runs a document through each upgrade in turn, from its own version on', () => {
    const atTwo = { ...shiftSchema, version: 2 };
    const upgrades = {
      1: (doc: Record<string, unknown>) => ({ ...doc, steps: ['1'] }),
      2: (doc: Record<string, unknown>) => ({ ...doc, steps: [...(doc.steps as string[]), '2'] }),
    };
    expect(upgradeDocument({ id: 'shift_a' }, 0, atTwo, upgrades)).toEqual({
      id: 'shift_a',
      steps: ['1', '2'],
    });
    expect(upgradeDocument({ id: 'shift_a', steps: ['x'] }, 1, atTwo, upgrades)).toEqual({
      id: 'shift_a',
      steps: ['x', '2'],
    });
  });
});
