import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { returnSchema, saleSchema, storeSettingsSchema } from '../../../src/documents';
import type { DocumentSchema, JsonSchema, SaleDoc } from '../../../src/documents';
import { minor } from '../../../src/money';
import { verifySaleTotals } from '../../../src/pricing';
import type { Promotion, VerifySettings } from '../../../src/pricing';
import { makeSale, pricingContext, taxSettings, unitLine, weighedLine } from './pricing-fixtures';

function compile(schema: DocumentSchema) {
  const { version: _v, primaryKey: _p, indexes: _i, ...jsonSchema } = schema;
  const ajv = new Ajv({ allErrors: true, strictTypes: false, allowUnionTypes: true });
  addFormats(ajv);
  return ajv.compile(jsonSchema);
}

/** Every object schema declares what it requires and refuses anything else. */
function undeclared(schema: JsonSchema, path: string): string[] {
  const problems: string[] = [];
  if (schema.type === 'object' && schema.properties) {
    if (schema.additionalProperties !== false) problems.push(`${path}: additionalProperties`);
    for (const key of schema.required ?? []) {
      if (!(key in schema.properties)) problems.push(`${path}.${key}: required, not declared`);
    }
    for (const [key, child] of Object.entries(schema.properties)) {
      problems.push(...undeclared(child, `${path}.${key}`));
    }
  }
  if (schema.items) problems.push(...undeclared(schema.items, `${path}[]`));
  return problems;
}

const promotions: Promotion[] = [
  {
    id: 'drinks-15',
    kind: 'item-discount',
    label: { vi: 'Đồ uống giảm 15%', en: 'Drinks 15 % off' },
    target: { categoryIds: ['drinks'] },
    reward: { kind: 'percent', percentBp: 1500 },
  },
];
const context = pricingContext({ promotions });
const settings: VerifySettings = {
  currency: 'VND',
  tax: taxSettings(),
  cashRounding: { increment: 500, mode: 'half-up' },
  promotions,
};

function sampleSale(): SaleDoc {
  return makeSale(
    {
      lines: [
        unitLine('a', 25_000, 2, { categoryId: 'drinks' }),
        weighedLine('b', 189_000, 455, { taxRateId: 'vat5' }),
        unitLine('c', 120_000, 1, {
          taxRateId: 'vat8',
          override: { unitPrice: minor(99_000), reason: 'price match', approvedBy: 'staff_mgr' },
          discount: { kind: 'amount', amount: minor(4_000) },
        }),
      ],
      orderDiscount: { kind: 'percent', percentBp: 500, reason: 'staff', approvedBy: 'staff_mgr' },
    },
    context,
    (total) => [
      {
        kind: 'card',
        tenderId: 't1',
        amount: minor(100_000),
        approvalCode: 'OK1234',
        cardLast4: '4242',
      },
      { kind: 'cash', tenderId: 't2', amount: minor(total - 100_000 + 1_000) },
    ],
    { cashRounding: settings.cashRounding, customerId: 'cust_01', pointsEarned: 21 },
  );
}

describe('sale document schema', () => {
  it('accepts a sale as the register writes it', () => {
    const validate = compile(saleSchema);
    expect(validate(sampleSale()), JSON.stringify(validate.errors)).toBe(true);
  });

  it('refuses unknown fields, at the top and inside lines', () => {
    const validate = compile(saleSchema);
    expect(validate({ ...sampleSale(), extra: 1 })).toBe(false);
    const sale = sampleSale();
    const line = { ...sale.priced.lines[0], secret: true };
    expect(validate({ ...sale, priced: { ...sale.priced, lines: [line] } })).toBe(false);
  });

  it.each([
    ['sale', saleSchema],
    ['return', returnSchema],
    ['store settings', storeSettingsSchema],
  ])(
    '%s: RxDB-compatible (primary key with maxLength, every object fully declared)',
    (_name, schema) => {
      const key = schema.properties[schema.primaryKey];
      expect(key?.maxLength).toBeGreaterThan(0);
      expect(schema.required).toContain(schema.primaryKey);
      const ours =
        schema === storeSettingsSchema
          ? undeclared(
              {
                type: 'object',
                properties: {
                  promotions: schema.properties.promotions ?? {},
                  returnPolicy: schema.properties.returnPolicy ?? {},
                },
                additionalProperties: false,
              },
              'settings',
            )
          : undeclared(schema, schema.title);
      expect(ours).toEqual([]);
    },
  );
});

describe('verifySaleTotals (the sync-server check)', () => {
  it('accepts a sale whose stored totals match the recomputed ones', () => {
    expect(verifySaleTotals(sampleSale(), settings)).toEqual({ ok: true });
  });

  it('accepts the same sale after a JSON round trip with keys in another order', () => {
    const sale = sampleSale();
    const reverseKeys = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reverseKeys)
        : typeof value === 'object' && value !== null
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([key, child]) => [key, reverseKeys(child)]),
            )
          : value;
    const roundTrip = reverseKeys(JSON.parse(JSON.stringify(sale))) as SaleDoc;
    expect(Object.keys(roundTrip)[0]).toBe(Object.keys(sale).at(-1));
    expect(verifySaleTotals(roundTrip, settings)).toEqual({ ok: true });
  });

  it('rejects a tampered line total and says where', () => {
    const sale = sampleSale();
    const lines = sale.priced.lines.map((line, index) =>
      index === 1 ? { ...line, total: minor(line.total - 1) } : line,
    );
    const result = verifySaleTotals({ ...sale, priced: { ...sale.priced, lines } }, settings);
    expect(result).toEqual({
      ok: false,
      reason: expect.stringContaining('priced.lines[1].total') as unknown,
    });
  });

  it('rejects a sale priced with a promotion the store does not run', () => {
    const result = verifySaleTotals(sampleSale(), { ...settings, promotions: [] });
    expect(result.ok).toBe(false);
  });

  it('rejects a payment that does not add up', () => {
    const sale = sampleSale();
    const payment = { ...sale.payment, change: minor(sale.payment.change + 500) };
    const result = verifySaleTotals({ ...sale, payment }, settings);
    expect(result).toEqual({
      ok: false,
      reason: expect.stringContaining('payment.change') as unknown,
    });
  });

  it('rejects an over-tendered card', () => {
    const sale = sampleSale();
    const tenders = sale.payment.tenders.map((tender) =>
      tender.kind === 'card' ? { ...tender, amount: minor(10_000_000) } : tender,
    );
    const result = verifySaleTotals({ ...sale, payment: { ...sale.payment, tenders } }, settings);
    expect(result).toEqual({
      ok: false,
      reason: expect.stringContaining('Only cash gives change') as unknown,
    });
  });

  it('rejects a redeemed-points summary that does not match the points tenders', () => {
    const sale = sampleSale();
    const result = verifySaleTotals(
      { ...sale, loyalty: { pointsEarned: 21, pointsRedeemed: 50 } },
      settings,
    );
    expect(result).toEqual({
      ok: false,
      reason: expect.stringContaining('50 points were redeemed') as unknown,
    });
  });
});
