/**
 * The e-invoice record of a sale: one line per sale line with its VAT written as the format
 * wants (a rate, or KCT / KKKNT), totals per rate that add up to the sale's to the đồng (a
 * property over random carts), the symbol and code of the year of issue in the store's zone,
 * the buyer only when given, and no invoice for a voided sale.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildEInvoiceRecord, EInvoiceError, vietnameseDongWords } from '../../../src/einvoice';
import type { EInvoiceRecord } from '../../../src/einvoice';
import { minor } from '../../../src/money';
import { BEFORE_2027, issueOf, line, saleOf, storeTax } from './einvoice-fixtures';

const mixed = saleOf([
  line('ten', 'vat10', 55_000, 2),
  line('eight', 'vat8', 25_000, 3),
  line('zero', 'vat0', 65_000),
  line('kct', 'kct', 12_000),
  line('kkknt', 'kkknt', 30_000),
  line('mango', 'vat8', 65_000, 1, { pricing: 'weight', grams: 750 }),
]);

describe('the record of a sale at several rates', () => {
  const record = buildEInvoiceRecord(issueOf(mixed, { unitNames: { prod_ten: 'hộp' } }));

  it('names the invoice: form 1, symbol and code of the year of issue, number from the register', () => {
    expect(record.form).toBe(1);
    expect(record.symbol).toBe('C26MAA');
    expect(record.code).toBe('M1-26-AB12C-00700000042');
    expect(record.number).toBe('00700000042');
    expect(record.issueDate).toBe('2026-12-31');
    expect(record.currency).toBe('VND');
  });

  it('writes each line with its unit, quantity, price before VAT, amount, rate and VAT', () => {
    const rows = record.lines.map((entry) => [
      entry.position,
      entry.unit,
      entry.quantity,
      entry.unitPrice,
      entry.amount,
      entry.rate.label,
      entry.tax,
      entry.total,
    ]);
    expect(rows).toEqual([
      [1, 'hộp', '2', 50_000, 100_000, '10%', 10_000, 110_000],
      [2, 'cái', '3', 23_148, 69_444, '8%', 5_556, 75_000],
      [3, 'cái', '1', 65_000, 65_000, '0%', 0, 65_000],
      [4, 'cái', '1', 12_000, 12_000, 'KCT', 0, 12_000],
      [5, 'cái', '1', 30_000, 30_000, 'KKKNT', 0, 30_000],
      [6, 'kg', '0.75', 60_185, 45_139, '8%', 3_611, 48_750],
    ]);
    expect(record.lines[0]).toMatchObject({ sku: 'SKU-ten', name: 'Hàng ten' });
  });

  it('totals per rate: KCT, KKKNT and 0 % apart, both 8 % lines on one row, summing exactly', () => {
    const rows = record.ratesTotals.map((row) => [row.rate.label, row.amount, row.tax, row.total]);
    expect(rows).toEqual([
      ['KCT', 12_000, 0, 12_000],
      ['KKKNT', 30_000, 0, 30_000],
      ['0%', 65_000, 0, 65_000],
      ['8%', 114_583, 9_167, 123_750],
      ['10%', 100_000, 10_000, 110_000],
    ]);
    expect(record.totals).toEqual({ amount: 321_583, tax: 19_167, total: 340_750 });
    expect(record.totals.total).toBe(mixed.priced.totals.total);
    expect(record.amountInWords).toBe('Ba trăm bốn mươi nghìn bảy trăm năm mươi đồng');
  });

  it('has no buyer when none was given, or only blanks', () => {
    expect(record.buyer).toBeUndefined();
    const blank = buildEInvoiceRecord(issueOf(mixed, { buyer: { name: ' ', phone: '' } }));
    expect('buyer' in blank).toBe(false);
  });
});

describe('around New Year in the store zone', () => {
  // 00:00:30 on 1 January 2027 in Ho Chi Minh City is still 2026 in UTC.
  const after = '2026-12-31T17:00:30.000Z';
  const sale = saleOf([line('ten', 'vat10', 55_000), line('eight', 'vat8', 25_000, 3)], after);
  const record = buildEInvoiceRecord(issueOf(sale));

  it('takes the year of the store calendar for the symbol and the code', () => {
    expect(record.issueDate).toBe('2027-01-01');
    expect(record.symbol).toBe('C27MAA');
    expect(record.code.startsWith('M1-27-')).toBe(true);
  });

  it('puts the reduced category, now at 10 %, on the 10 % row with the standard one', () => {
    expect(record.ratesTotals).toHaveLength(1);
    expect(record.ratesTotals[0]).toMatchObject({
      rate: { label: '10%', rateBp: 1000 },
      taxRateIds: ['vat10', 'vat8'],
      total: 130_000,
    });
  });
});

describe('what is refused', () => {
  function refusal(run: () => unknown): EInvoiceError {
    try {
      run();
    } catch (error) {
      if (error instanceof EInvoiceError) return error;
      throw error;
    }
    throw new Error('expected a refusal');
  }

  it('a voided sale gets no invoice and no number', () => {
    const voided = {
      ...mixed,
      status: 'voided' as const,
      void: { voidedAt: BEFORE_2027, voidedBy: 'staff_minh', reason: 'wrong item' },
    };
    const error = refusal(() => buildEInvoiceRecord(issueOf(voided)));
    expect(error.code).toBe('not-invoiceable');
    expect(error.message).toContain('voided');
  });

  it('a sale in a category the settings no longer have, naming it', () => {
    const settings = storeTax();
    settings.tax.rates = settings.tax.rates.filter((rate) => rate.id !== 'kct');
    const error = refusal(() => buildEInvoiceRecord(issueOf(mixed, { settings })));
    expect(error.code).toBe('unknown-tax-category');
    expect(error.message).toContain('"kct"');
  });

  it('a seller without a usable tax code, and a buyer with a bad one', () => {
    const seller = { ...issueOf(mixed).seller, taxCode: '03123' };
    expect(refusal(() => buildEInvoiceRecord(issueOf(mixed, { seller }))).code).toBe(
      'invalid-seller',
    );
    const buyer = { name: 'Công ty B', taxCode: '12-34' };
    expect(refusal(() => buildEInvoiceRecord(issueOf(mixed, { buyer }))).message).toContain(
      'check it with the buyer',
    );
    expect(
      refusal(() => buildEInvoiceRecord(issueOf(mixed, { buyer: { taxCode: '0312345678' } })))
        .message,
    ).toContain("buyer's name");
  });

  it('a time of issue that is not an instant, or is before the sale completed', () => {
    expect(
      refusal(() => buildEInvoiceRecord(issueOf(mixed, { issuedAt: '31/12/2026' }))).message,
    ).toContain('not an ISO 8601 instant');
    expect(
      refusal(() => buildEInvoiceRecord(issueOf(mixed, { issuedAt: '2026-12-31T09:59:59.000Z' })))
        .message,
    ).toContain('before sale');
  });

  it('a sale whose lines do not add up to its totals', () => {
    const damaged = {
      ...mixed,
      priced: { ...mixed.priced, totals: { ...mixed.priced.totals, tax: minor(19_168) } },
    };
    expect(refusal(() => buildEInvoiceRecord(issueOf(damaged))).code).toBe('totals-mismatch');
  });
});

describe('buyer data when the buyer asks', () => {
  it('keeps what was given, trimmed, and nothing else', () => {
    const record = buildEInvoiceRecord(
      issueOf(mixed, {
        buyer: { name: ' Nguyễn Văn An ', idNumber: '079090001234', phone: '0903 123 456' },
      }),
    );
    expect(record.buyer).toEqual({
      name: 'Nguyễn Văn An',
      idNumber: '079090001234',
      phone: '+84903123456',
    });
  });
});

describe('totals per rate, for any cart', () => {
  const categories = storeTax().tax.rates.map((rate) => rate.id);
  const add = (
    record: EInvoiceRecord,
    parts: 'lines' | 'ratesTotals',
    key: 'amount' | 'tax' | 'total',
  ) =>
    (record[parts] as { amount: number; tax: number; total: number }[]).reduce(
      (total, part) => total + part[key],
      0,
    );

  it('equal the sale totals exactly, and the lines do too', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            taxRateId: fc.constantFrom(...categories),
            unitPrice: fc.integer({ min: 1_000, max: 3_000_000 }),
            quantity: fc.integer({ min: 1, max: 30 }),
            grams: fc.option(fc.integer({ min: 100, max: 20_000 }), { nil: undefined }),
          }),
          { minLength: 1, maxLength: 15 },
        ),
        fc.integer({ min: -7_200, max: 7_200 }),
        fc.constantFrom('line' as const, 'document' as const),
        fc.boolean(),
        fc.integer({ min: 0, max: 5_000 }),
        (specs, secondsFromMidnight, rounding, pricesIncludeTax, orderDiscountBp) => {
          const at = new Date(
            Date.parse('2026-12-31T17:00:00.000Z') + secondsFromMidnight * 1000,
          ).toISOString();
          const settings = storeTax({ rounding, pricesIncludeTax });
          const lines = specs.map((spec, index) =>
            spec.grams === undefined
              ? line(`l${index}`, spec.taxRateId, spec.unitPrice, spec.quantity)
              : line(`l${index}`, spec.taxRateId, spec.unitPrice, 1, {
                  pricing: 'weight',
                  grams: spec.grams,
                }),
          );
          const withDiscount = saleOf(
            lines,
            at,
            settings,
            orderDiscountBp > 0 ? { kind: 'percent', percentBp: orderDiscountBp } : undefined,
          );
          const record = buildEInvoiceRecord(issueOf(withDiscount, { settings }));
          const totals = withDiscount.priced.totals;
          for (const parts of ['lines', 'ratesTotals'] as const) {
            expect(add(record, parts, 'amount')).toBe(totals.taxable);
            expect(add(record, parts, 'tax')).toBe(totals.tax);
            expect(add(record, parts, 'total')).toBe(totals.total);
          }
          const labels = record.ratesTotals.map((row) => row.rate.label);
          expect(new Set(labels).size).toBe(labels.length);
          expect(record.amountInWords).toBe(vietnameseDongWords(totals.total));
        },
      ),
    );
  });
});
