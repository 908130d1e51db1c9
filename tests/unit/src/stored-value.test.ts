import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReturnDoc, SaleDoc } from '../../../src/documents';
import { minor } from '../../../src/money';
import type { Minor } from '../../../src/money';
import {
  checkSpend,
  normalizeStoredValueNumber,
  overspentAccounts,
  storedValueAccount,
  storedValueAccounts,
  storedValueFactsOfReturn,
  storedValueFactsOfSale,
} from '../../../src/stored-value';
import type { StoredValueFact, StoredValueHold } from '../../../src/stored-value';
import type { RefundTender } from '../../../src/tenders';

const NOTE = 'ret_01KAQ00000000000000000000A';
const NOW = '2026-11-23T10:00:00.000Z';

/** Only the fields stored value reads; the rest of a ReturnDoc does not matter here. */
function returnDoc(id: string, tenders: RefundTender[], storeId = 'hcm-q1'): ReturnDoc {
  return {
    id,
    storeId,
    currency: 'VND',
    tenders,
    completedAt: '2026-11-20T09:00:00.000Z',
  } as unknown as ReturnDoc;
}

function sale(
  id: string,
  tenders: { kind: 'store-credit' | 'gift-card' | 'cash'; amount: number; ref?: string }[],
  status: SaleDoc['status'] = 'completed',
): SaleDoc {
  return {
    id,
    storeId: 'hcm-q1',
    status,
    currency: 'VND',
    completedAt: '2026-11-21T09:00:00.000Z',
    cart: { lines: [] },
    priced: { lines: [] },
    payment: {
      tenders: tenders.map((tender, index) => ({
        tenderId: `t${index}`,
        kind: tender.kind,
        amount: tender.amount,
        applied: tender.amount,
        rounding: 0,
        change: 0,
        ...(tender.kind === 'store-credit' && tender.ref ? { creditReference: tender.ref } : {}),
        ...(tender.kind === 'gift-card' ? { cardNumber: tender.ref ?? '' } : {}),
      })),
    },
  } as unknown as SaleDoc;
}

const issued = (amount: number) =>
  storedValueFactsOfReturn(
    returnDoc(NOTE, [{ kind: 'store-credit', covers: minor(amount), amount: minor(amount) }]),
  );

describe('a credit note issued by a return to store credit', () => {
  it('is numbered by the return id (what the return receipt prints) and holds the credit', () => {
    const account = storedValueAccount(NOTE, issued(300_000), [], NOW);
    expect(account).toMatchObject({
      kind: 'credit-note',
      issuedBy: 'hcm-q1',
      issued: 300_000,
      balance: 300_000,
      available: 300_000,
    });
  });

  it('spent in two steps keeps what is left on the note, and refuses the third over the rest', () => {
    const facts: StoredValueFact[] = [
      ...issued(300_000),
      ...storedValueFactsOfSale(
        sale('sale_1', [{ kind: 'store-credit', amount: 120_000, ref: NOTE }]),
      ),
    ];
    const afterOne = storedValueAccount(NOTE, facts, [], NOW);
    expect(afterOne.available).toBe(180_000);
    expect(checkSpend(afterOne, minor(100_000))).toEqual({ ok: true, balanceAfter: 80_000 });
    facts.push(
      ...storedValueFactsOfSale(
        sale('sale_2', [{ kind: 'store-credit', amount: 100_000, ref: NOTE }]),
      ),
    );
    const afterTwo = storedValueAccount(NOTE, facts, [], NOW);
    expect(afterTwo.balance).toBe(80_000);
    const refused = checkSpend(afterTwo, minor(90_000));
    expect(refused).toMatchObject({ ok: false, code: 'insufficient-balance', available: 80_000 });
    expect(!refused.ok && refused.message).toContain('take at most 80000');
  });

  it('reads a typed number in any case and with spaces as the same note', () => {
    expect(normalizeStoredValueNumber(` RET_01kaq0000 0000000000000000a `)).toBe(NOTE);
    expect(normalizeStoredValueNumber('gc-1234 5678')).toBe('GC12345678');
  });

  it('counts a sale and a return once however often they are read', () => {
    const facts = [...issued(100_000), ...issued(100_000)];
    expect(storedValueAccount(NOTE, facts, [], NOW).issued).toBe(100_000);
  });

  it('ignores a voided sale and names an unknown note as unknown', () => {
    const facts = [
      ...issued(100_000),
      ...storedValueFactsOfSale(
        sale('sale_v', [{ kind: 'store-credit', amount: 100_000, ref: NOTE }], 'voided'),
      ),
    ];
    expect(storedValueAccount(NOTE, facts, [], NOW).available).toBe(100_000);
    const unknown = storedValueAccount('ret_01KAQ0000000000000000000ZZ', facts, [], NOW);
    expect(checkSpend(unknown, minor(1))).toMatchObject({ ok: false, code: 'unknown-number' });
  });
});

describe('gift cards', () => {
  const card = (expiresAt?: string): StoredValueFact => ({
    type: 'issue',
    kind: 'gift-card',
    number: 'GC1001',
    amount: minor(500_000),
    currency: 'VND',
    at: '2026-11-01T00:00:00.000Z',
    sourceId: 'svi_1',
    ...(expiresAt ? { expiresAt } : {}),
  });

  it('a refund onto the card puts value back (issued − redeemed + reversed)', () => {
    const facts = [
      card(),
      ...storedValueFactsOfSale(
        sale('sale_g', [{ kind: 'gift-card', amount: 200_000, ref: 'gc1001' }]),
      ),
      ...storedValueFactsOfReturn(
        returnDoc('ret_01KAQ00000000000000000000B', [
          { kind: 'gift-card', covers: minor(50_000), amount: minor(50_000), cardNumber: 'GC1001' },
        ]),
      ),
    ];
    expect(storedValueAccount('GC1001', facts, [], NOW)).toMatchObject({
      issued: 500_000,
      redeemed: 200_000,
      reversed: 50_000,
      balance: 350_000,
    });
  });

  it('pays nothing once expired', () => {
    const account = storedValueAccount('GC1001', [card('2026-11-22T00:00:00.000Z')], [], NOW);
    expect(account).toMatchObject({ expired: true, available: 0, balance: 500_000 });
    expect(checkSpend(account, minor(1))).toMatchObject({ ok: false, code: 'expired' });
  });
});

describe('holds', () => {
  const hold = (
    holdId: string,
    amount: number,
    status: StoredValueHold['status'],
    saleId = `sale_${holdId}`,
  ): StoredValueHold => ({
    holdId,
    number: NOTE,
    amount: minor(amount),
    saleId,
    status,
    expiresAt: '2026-11-23T10:15:00.000Z',
  });

  it('open and confirmed holds count until their sale arrives; released and lapsed ones do not', () => {
    const facts = issued(300_000);
    const holds = [
      hold('h1', 100_000, 'held'),
      hold('h2', 50_000, 'confirmed'),
      hold('h3', 70_000, 'released'),
    ];
    expect(storedValueAccount(NOTE, facts, holds, NOW).available).toBe(150_000);
    expect(storedValueAccount(NOTE, facts, holds, '2026-11-23T10:20:00.000Z').available).toBe(
      250_000,
    );
    const arrived = [
      ...facts,
      ...storedValueFactsOfSale(
        sale('sale_h2', [{ kind: 'store-credit', amount: 50_000, ref: NOTE }]),
      ),
    ];
    // The sale replaces its confirmed hold: counted once, not twice.
    expect(storedValueAccount(NOTE, arrived, holds, NOW)).toMatchObject({
      held: 100_000,
      available: 150_000,
    });
  });

  it('property: spending only what checkSpend allows never takes a note below zero', () => {
    type Step =
      | { op: 'hold'; amount: number }
      | { op: 'confirm' | 'release'; index: number }
      | { op: 'return'; amount: number };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ op: fc.constant('hold' as const), amount: fc.integer({ min: 1, max: 400_000 }) }),
      fc.record({ op: fc.constantFrom('confirm' as const, 'release' as const), index: fc.nat(20) }),
      fc.record({
        op: fc.constant('return' as const),
        amount: fc.integer({ min: 1, max: 100_000 }),
      }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(step, { maxLength: 40 }),
        (credit, steps) => {
          const facts: StoredValueFact[] = [...issued(credit)];
          const holds: StoredValueHold[] = [];
          steps.forEach((current, position) => {
            const account = storedValueAccount(NOTE, facts, holds, NOW);
            if (current.op === 'hold') {
              if (checkSpend(account, minor(current.amount)).ok)
                holds.push(hold(`h${position}`, current.amount, 'held'));
              return;
            }
            if (current.op === 'return') {
              // A sale paid by the note is returned to a new credit note: this one is untouched.
              facts.push(
                ...storedValueFactsOfReturn(
                  returnDoc(`ret_01KAQ0000000000000000${String(position).padStart(5, '0')}`, [
                    {
                      kind: 'store-credit',
                      covers: minor(current.amount),
                      amount: minor(current.amount),
                    },
                  ]),
                ),
              );
              return;
            }
            const target = holds[current.index % Math.max(1, holds.length)];
            if (!target || target.status !== 'held') return;
            if (current.op === 'release') {
              target.status = 'released';
              return;
            }
            target.status = 'confirmed';
            // Later the sale arrives with the held amount.
            facts.push(
              ...storedValueFactsOfSale(
                sale(target.saleId, [{ kind: 'store-credit', amount: target.amount, ref: NOTE }]),
              ),
            );
          });
          const account = storedValueAccount(NOTE, facts, holds, NOW);
          expect(account.balance).toBeGreaterThanOrEqual(0);
          expect(account.balance - account.held).toBeGreaterThanOrEqual(0);
          expect(overspentAccounts(storedValueAccounts(facts, holds, NOW))).toEqual([]);
        },
      ),
    );
  });

  it('offline spends in two stores without holds show up as overspent', () => {
    const spend = (id: string, amount: Minor) =>
      storedValueFactsOfSale(sale(id, [{ kind: 'store-credit', amount, ref: NOTE }]));
    const facts = [
      ...issued(100_000),
      ...spend('sale_a', minor(80_000)),
      ...spend('sale_b', minor(60_000)),
    ];
    const [overspent] = overspentAccounts(storedValueAccounts(facts, [], NOW));
    expect(overspent).toMatchObject({ number: NOTE, balance: -40_000, available: 0 });
  });
});
