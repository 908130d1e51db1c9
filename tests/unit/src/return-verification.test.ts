import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProductDoc, ReturnDoc, StaffDoc } from '../../../src/documents';
import { minor } from '../../../src/money';
import {
  canApproveReturn,
  planReturn,
  returnSourceFromSale,
  verifyReturnAgainstSource,
  verifyReturnWithoutReceipt,
} from '../../../src/returns';
import type { ReturnPolicy, ReturnSource } from '../../../src/returns';
import type { TenderInput } from '../../../src/tenders';
import {
  NOW,
  makeSale,
  pricingContext,
  returnDocFrom,
  unitLine,
  weighedLine,
} from './pricing-fixtures';

const policy: ReturnPolicy = {
  windowDays: { store: 30, web: 30, care: 30, social: 14 },
  categoryWindows: [],
  managerApprovalOver: minor(2_000_000),
  withoutReceipt: { allowed: true, managerApprovalOver: minor(200_000) },
  fallbackRefund: 'store-credit',
};
const cashRounding = { increment: 500, mode: 'half-up' as const };

const cardAndCash = (total: number): TenderInput[] => [
  { kind: 'card', tenderId: 't1', amount: minor(Math.floor(total / 2)), approvalCode: 'AP01' },
  { kind: 'cash', tenderId: 't2', amount: minor(total) },
];

const source: ReturnSource = returnSourceFromSale(
  makeSale(
    {
      lines: [
        unitLine('shirt', 299_000, 3, { discount: { kind: 'percent', percentBp: 1000 } }),
        unitLine('socks', 45_000, 2, { taxRateId: 'vat8' }),
        weighedLine('coffee', 420_000, 250, { taxRateId: 'vat5' }),
      ],
      orderDiscount: { kind: 'percent', percentBp: 1000 },
    },
    pricingContext(),
    cardAndCash,
    { cashRounding },
  ),
);

let sequence = 0;
function returned(
  lines: [string, number][],
  known: readonly ReturnDoc[] = [],
  unavailableTenderIds: string[] = [],
): ReturnDoc {
  const result = planReturn({
    kind: 'with-receipt',
    source,
    lines: lines.map(([originalLineId, quantity]) => ({
      originalLineId,
      quantity,
      reason: 'x',
      restock: true,
    })),
    knownReturns: known,
    policy,
    now: NOW,
    cashRounding,
    unavailableTenderIds,
  });
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join(' '));
  sequence += 1;
  return returnDocFrom(result.plan, `ret_TEST${sequence}`);
}

const verify = (doc: ReturnDoc, otherReturns: readonly ReturnDoc[] = [], alone = false) =>
  verifyReturnAgainstSource({ doc, source, otherReturns, policy, cashRounding, alone });

describe('a pushed return, re-derived from its original', () => {
  it('accepts what planReturn gives, partial returns one after the other', () => {
    const first = returned([['shirt', 1]]);
    expect(verify(first)).toEqual({ ok: true, needsManagerApproval: false });
    const second = returned(
      [
        ['shirt', 2],
        ['coffee', 100],
      ],
      [first],
    );
    expect(verify(second, [first])).toMatchObject({ ok: true });
  });

  it('refuses more pieces than are left, unless judged alone (offline), never beyond the sale', () => {
    const all = returned([['socks', 2]]);
    const again = returned([['socks', 2]]);
    expect(verify(again, [all])).toMatchObject({ ok: false, code: 'over-return' });
    expect(verify(again, [all], true)).toMatchObject({ ok: true });
    const line = all.lines[0]!;
    const five = { ...all, lines: [{ ...line, quantity: 5 }] };
    expect(verify(five, [], true)).toMatchObject({ ok: false, code: 'over-return' });
  });

  it('refuses a negative refund, totals that are not the sum of the lines, a dearer line', () => {
    const doc = returned([['shirt', 1]]);
    const line = doc.lines[0]!;
    const negative = minor(-5_000_000);
    expect(
      verify({
        ...doc,
        lines: [{ ...line, refund: negative, tax: minor(0) }],
        totals: { refund: negative, tax: minor(0), taxable: negative },
        tenders: [{ kind: 'cash', covers: negative, amount: negative }],
        cashRoundingAdjustment: minor(0),
      }),
    ).toMatchObject({ ok: false, code: 'refund-mismatch' });
    expect(verify({ ...doc, totals: { ...doc.totals, refund: minor(1) } })).toMatchObject({
      ok: false,
      code: 'refund-mismatch',
    });
    const dearer = minor(line.refund + 50_000);
    expect(
      verify({
        ...doc,
        lines: [{ ...line, refund: dearer }],
        totals: { ...doc.totals, refund: dearer, taxable: minor(dearer - doc.totals.tax) },
        tenders: [{ kind: 'store-credit', covers: dearer, amount: dearer }],
        cashRoundingAdjustment: minor(0),
      }),
    ).toMatchObject({ ok: false, code: 'refund-mismatch' });
  });

  it('sends money back the way it came or to the policy’s fallback, never onto a new gift card', () => {
    const fallback = returned([['socks', 1]], [], ['t1', 't2']);
    expect(fallback.tenders.map((tender) => tender.kind)).toEqual(['store-credit']);
    expect(verify(fallback)).toMatchObject({ ok: true });
    const refund = fallback.totals.refund;
    for (const tender of [
      { kind: 'cash' as const, covers: refund, amount: refund },
      { kind: 'gift-card' as const, covers: refund, amount: refund, cardNumber: 'GC1' },
      {
        kind: 'gift-card' as const,
        covers: refund,
        amount: refund,
        cardNumber: 'GC1',
        originalTenderId: 't1',
      },
    ]) {
      expect(verify({ ...fallback, tenders: [tender] })).toMatchObject({
        ok: false,
        code: 'refund-mismatch',
      });
    }
  });

  it('refuses a return dated before the goods were sold', () => {
    const doc = returned([['shirt', 1]]);
    const before = new Date(Date.parse(NOW) - 86_400_000).toISOString();
    expect(verify({ ...doc, createdAt: before, completedAt: before })).toMatchObject({
      ok: false,
      code: 'not-returnable',
    });
  });

  it('takes back exactly the earned points the plan takes back', () => {
    const doc = returned([['shirt', 3]]);
    expect(
      verify({ ...doc, loyalty: { ...doc.loyalty, pointsEarnedReversed: 999 } }),
    ).toMatchObject({ ok: false, code: 'loyalty-mismatch' });
  });

  it('any sequence of planned partial returns verifies, each against those before it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(2), fc.nat(2), fc.nat(80)), { minLength: 1, maxLength: 4 }),
        (rounds) => {
          const known: ReturnDoc[] = [];
          for (const [shirts, socks, grams] of rounds) {
            const left = (id: string, sold: number) =>
              sold -
              known
                .flatMap((doc) => doc.lines)
                .filter((l) => l.originalLineId === id)
                .reduce((total, l) => total + l.quantity, 0);
            const lines: [string, number][] = (
              [
                ['shirt', Math.min(shirts, left('shirt', 3))],
                ['socks', Math.min(socks, left('socks', 2))],
                ['coffee', Math.min(grams, left('coffee', 250))],
              ] as [string, number][]
            ).filter(([, quantity]) => quantity > 0);
            if (lines.length === 0) continue;
            const doc = returned(lines, known);
            expect(verify(doc, known)).toMatchObject({ ok: true });
            known.push(doc);
          }
        },
      ),
    );
  });
});

describe('a return without receipt', () => {
  const coffee: ProductDoc = {
    id: 'prod_coffee',
    sku: 'COFFEE',
    barcodes: [],
    name: { vi: 'Item coffee', en: 'Item coffee' },
    searchText: 'item coffee',
    categoryId: 'general',
    pricing: 'unit',
    unitPrice: minor(25_000),
    currency: 'VND',
    taxRateId: 'vat8',
    active: true,
    updatedAt: NOW,
  };
  const doc = (refund: number): ReturnDoc => {
    const result = planReturn({
      kind: 'without-receipt',
      lines: [
        {
          cartLine: unitLine('coffee', 25_000, 1, { taxRateId: 'vat8' }),
          reason: 'x',
          restock: true,
        },
      ],
      pricing: pricingContext(),
      knownReturns: [],
      policy,
      now: NOW,
      cashRounding,
    });
    if (!result.ok) throw new Error('not planned');
    const planned = returnDocFrom(result.plan, 'ret_NORECEIPT');
    const line = planned.lines[0]!;
    return refund === line.refund
      ? planned
      : {
          ...planned,
          lines: [{ ...line, refund: minor(refund) }],
          totals: { ...planned.totals, refund: minor(refund), taxable: minor(refund - line.tax) },
          tenders: [{ kind: 'store-credit', covers: minor(refund), amount: minor(refund) }],
        };
  };
  const check = (returnDoc: ReturnDoc, withPolicy = policy) =>
    verifyReturnWithoutReceipt({
      doc: returnDoc,
      policy: withPolicy,
      pricing: pricingContext(),
      cashRounding,
      productBySku: (sku) => (sku === coffee.sku ? coffee : undefined),
    });

  it('is priced from the catalog and refunded as store credit only', () => {
    const honest = doc(25_000);
    expect(honest.lines[0]?.productId).toBe('prod_coffee');
    expect(check(honest)).toMatchObject({ ok: true, needsManagerApproval: false });
    expect(check(doc(1_000_000_000))).toMatchObject({ ok: false, code: 'refund-mismatch' });
    expect(
      check({
        ...honest,
        tenders: [{ kind: 'cash', covers: honest.totals.refund, amount: honest.totals.refund }],
      }),
    ).toMatchObject({ ok: false, code: 'refund-mismatch' });
  });

  it('is refused when the policy takes none', () => {
    expect(
      check(doc(25_000), {
        ...policy,
        withoutReceipt: { ...policy.withoutReceipt, allowed: false },
      }),
    ).toMatchObject({ ok: false, code: 'not-returnable' });
  });
});

describe('who approves a return', () => {
  const staff = (role: StaffDoc['role'], storeIds: string[], active = true) =>
    ({ id: 's', name: 'S', role, storeIds, active }) as StaffDoc;
  it('an active manager of the store, or of every store', () => {
    expect(canApproveReturn(staff('manager', ['hcm-q1']), 'hcm-q1')).toBe(true);
    expect(canApproveReturn(staff('manager', ['*']), 'hcm-q1')).toBe(true);
    expect(canApproveReturn(staff('manager', ['hn-hk']), 'hcm-q1')).toBe(false);
    expect(canApproveReturn(staff('manager', ['*'], false), 'hcm-q1')).toBe(false);
    expect(canApproveReturn(staff('supervisor', ['hcm-q1']), 'hcm-q1')).toBe(false);
    expect(canApproveReturn(undefined, 'hcm-q1')).toBe(false);
  });
});
