/**
 * The adjusting invoice of a return: the returned lines with decreasing amounts at the rates the
 * sale charged (a 2026 sale at 8 % returned in 2027 refunds 8 %), rows per rate and totals that
 * are minus the return's refund to the đồng (a property over random carts and returns), its own
 * code and the reference to the original invoice, in the record and in the XML read back; none
 * for a return without receipt, of a voided sale or of another sale.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReturnDoc, SaleDoc } from '../../../src/documents';
import {
  buildAdjustingInvoiceRecord,
  buildEInvoiceRecord,
  EInvoiceError,
  invoiceXml,
  signedDongWords,
} from '../../../src/einvoice';
import type { AdjustingInvoiceIssue, EInvoiceRecord } from '../../../src/einvoice';
import { minor, sum } from '../../../src/money';
import { childOf, childrenOf, readXml } from '../../../sync-server/einvoice/xml-reader';
import type { XmlElement } from '../../../sync-server/einvoice/xml-reader';
import { BEFORE_2027, issueOf, line, returnOf, saleOf, storeTax } from './einvoice-fixtures';

const AFTER_NEW_YEAR = '2027-01-02T03:00:00.000Z';

function adjustingIssue(
  sale: SaleDoc,
  ret: ReturnDoc,
  overrides: Partial<AdjustingInvoiceIssue> = {},
): AdjustingInvoiceIssue {
  return {
    ret,
    original: issueOf(sale),
    registerNumber: 900,
    sequence: 3,
    issuedAt: ret.completedAt,
    ...overrides,
  };
}

const mixed = saleOf(
  [
    line('ten', 'vat10', 55_000, 2),
    line('eight', 'vat8', 25_000, 3),
    line('kct', 'kct', 12_000),
    line('mango', 'vat8', 65_000, 1, { pricing: 'weight', grams: 750 }),
  ],
  BEFORE_2027,
  storeTax(),
  { kind: 'percent', percentBp: 500, reason: 'khách quen' },
);

const totalsOf = (record: EInvoiceRecord, parts: 'lines' | 'ratesTotals') => ({
  amount: sum(record[parts].map((part) => part.amount)),
  tax: sum(record[parts].map((part) => part.tax)),
  total: sum(record[parts].map((part) => part.total)),
});

describe('the adjusting invoice of a return at several rates with a weighed line', () => {
  // One of two pieces at 10 %, two of three at 8 %, the KCT line and 300 g of 750 g of mango.
  const ret = returnOf(mixed, AFTER_NEW_YEAR, [
    ['ten', 1],
    ['eight', 2],
    ['kct', 1],
    ['mango', 300],
  ]);
  const record = buildAdjustingInvoiceRecord(adjustingIssue(mixed, ret));
  const original = buildEInvoiceRecord(issueOf(mixed));

  it('is an adjusting invoice of its own code, pointing at the sale invoice it decreases', () => {
    expect(record.kind).toBe('adjusting');
    expect(record.returnId).toBe(ret.id);
    expect(record.saleId).toBe(mixed.id);
    expect(record.code).toBe('M1-27-AB12C-90000000003');
    expect(record.symbol).toBe('C27MAA');
    expect(record.issueDate).toBe('2027-01-02');
    expect(record.related).toMatchObject({
      relation: 2,
      form: 1,
      symbol: 'C26MAA',
      number: '00700000042',
      issueDate: '2026-12-31',
      code: original.code,
    });
    expect(record.code).not.toBe(original.code);
  });

  it('writes each returned line decreasing, at the rate the 2026 sale charged (8 %, not 10 %)', () => {
    const rows = record.lines.map((entry) => [
      entry.sku,
      entry.unit,
      entry.quantity,
      entry.rate.label,
      entry.amount < 0 || entry.total === 0,
      entry.amount + entry.tax === entry.total,
    ]);
    expect(rows).toEqual([
      ['SKU-ten', 'cái', '1', '10%', true, true],
      ['SKU-eight', 'cái', '2', '8%', true, true],
      ['SKU-kct', 'cái', '1', 'KCT', true, true],
      ['SKU-mango', 'kg', '0.3', '8%', true, true],
    ]);
    // The price per piece or kilogram is the original invoice's.
    expect(record.lines[3]?.unitPrice).toBe(original.lines[3]?.unitPrice);
    for (const [index, entry] of record.lines.entries()) {
      const returned = ret.lines[index];
      expect(entry.total).toBe(0 - (returned?.refund ?? 0));
      expect(entry.tax).toBe(0 - (returned?.tax ?? 0));
    }
  });

  it('rows per rate and totals are minus the refund, to the đồng', () => {
    expect(record.ratesTotals.map((row) => row.rate.label)).toEqual(['KCT', '8%', '10%']);
    expect(record.totals).toEqual({
      amount: 0 - ret.totals.taxable,
      tax: 0 - ret.totals.tax,
      total: 0 - ret.totals.refund,
    });
    expect(totalsOf(record, 'lines')).toEqual(record.totals);
    expect(totalsOf(record, 'ratesTotals')).toEqual(record.totals);
    expect(record.amountInWords).toBe(signedDongWords(0 - ret.totals.refund));
    expect(record.amountInWords).toMatch(/^Âm [a-zà-ỹ]/);
  });

  it('carries the related-invoice block in the XML, and the decreases as negative amounts', () => {
    const root = readXml(invoiceXml(record));
    const general = childOf(childOf(root, 'DLHDon') as XmlElement, 'TTChung') as XmlElement;
    const related = childOf(general, 'TTHDLQuan') as XmlElement;
    expect(related.children.map((child) => [child.name, child.text])).toEqual([
      ['TCHDon', '2'],
      ['LHDCLQuan', '1'],
      ['KHMSHDCLQuan', '1'],
      ['KHHDCLQuan', 'C26MAA'],
      ['SHDCLQuan', '00700000042'],
      ['NLHDCLQuan', '2026-12-31'],
      ['GChu', record.related?.note ?? ''],
    ]);
    expect(general.children.at(-1)?.name).toBe('TTHDLQuan');
    const payment = childOf(
      childOf(childOf(root, 'DLHDon') as XmlElement, 'NDHDon') as XmlElement,
      'TToan',
    ) as XmlElement;
    expect(childOf(payment, 'TgTTTBSo')?.text).toBe(String(0 - ret.totals.refund));
    const rows = childrenOf(childOf(payment, 'THTTLTSuat') as XmlElement, 'LTSuat');
    expect(rows.map((row) => childOf(row, 'ThTien')?.text)).toEqual(
      record.ratesTotals.map((row) => String(row.amount)),
    );
    expect(childOf(root, 'MCCQT')?.text).toBe(record.code);
  });

  it('a sale invoice has no related block', () => {
    expect(original.kind).toBe('sale');
    expect(invoiceXml(original)).not.toContain('TTHDLQuan');
  });
});

describe('no adjusting invoice', () => {
  const refusal = (build: () => unknown): EInvoiceError => {
    try {
      build();
    } catch (error) {
      if (error instanceof EInvoiceError) return error;
      throw error;
    }
    throw new Error('expected a refusal');
  };
  const sale = saleOf([line('ten', 'vat10', 55_000, 2)]);
  const ret = returnOf(sale, AFTER_NEW_YEAR, [['ten', 1]]);

  it('for a return without receipt: there is no invoice to adjust', () => {
    const { original: _original, ...withoutReceipt } = ret;
    expect(
      refusal(() => buildAdjustingInvoiceRecord(adjustingIssue(sale, withoutReceipt))).message,
    ).toMatch(/no receipt/);
  });

  it('for a return of a voided sale, which never had an invoice or a number', () => {
    const voided: SaleDoc = {
      ...sale,
      status: 'voided',
      void: { voidedAt: BEFORE_2027, voidedBy: 'staff_an', reason: 'test' },
    };
    expect(refusal(() => buildEInvoiceRecord(issueOf(voided))).code).toBe('not-invoiceable');
    expect(refusal(() => buildAdjustingInvoiceRecord(adjustingIssue(voided, ret))).code).toBe(
      'not-invoiceable',
    );
  });

  it('against another sale, or issued before the return', () => {
    const other = { ...sale, id: 'sale_OTHER' };
    expect(refusal(() => buildAdjustingInvoiceRecord(adjustingIssue(other, ret))).message).toMatch(
      /not sale sale_OTHER/,
    );
    expect(
      refusal(() =>
        buildAdjustingInvoiceRecord(adjustingIssue(sale, ret, { issuedAt: BEFORE_2027 })),
      ).message,
    ).toMatch(/at or after return/);
  });

  it('a return refunding a rate the sale did not charge', () => {
    const [first] = ret.lines;
    const forged: ReturnDoc = {
      ...ret,
      lines: first ? [{ ...first, taxRateId: 'vat8', rateBp: 800 }] : [],
    };
    expect(
      refusal(() => buildAdjustingInvoiceRecord(adjustingIssue(sale, forged))).message,
    ).toMatch(/refunds the VAT the sale charged/);
  });
});

describe('adjusting totals, for any cart and any return', () => {
  const categories = storeTax().tax.rates.map((rate) => rate.id);

  it("equal minus the return's refund, line by line, row by row and in total", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            taxRateId: fc.constantFrom(...categories),
            unitPrice: fc.integer({ min: 1_000, max: 3_000_000 }),
            quantity: fc.integer({ min: 1, max: 30 }),
            grams: fc.option(fc.integer({ min: 100, max: 20_000 }), { nil: undefined }),
            share: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        fc.constantFrom(BEFORE_2027, '2027-03-01T03:00:00.000Z'),
        fc.integer({ min: 0, max: 2_000 }),
        (lines, soldAt, discountBp) => {
          const sale = saleOf(
            lines.map((entry, index) =>
              line(
                `l${index}`,
                entry.taxRateId,
                entry.unitPrice,
                entry.grams === undefined ? entry.quantity : 1,
                entry.grams === undefined ? {} : { pricing: 'weight', grams: entry.grams },
              ),
            ),
            soldAt,
            storeTax(),
            discountBp > 0 ? { kind: 'percent', percentBp: discountBp, reason: 'test' } : undefined,
          );
          const returned = lines.map((entry, index): [string, number] => {
            const whole = entry.grams ?? entry.quantity;
            return [`l${index}`, Math.max(1, Math.round(whole * entry.share))];
          });
          const returnedAt = new Date(Date.parse(soldAt) + 86_400_000).toISOString();
          const ret = returnOf(sale, returnedAt, returned);
          const record = buildAdjustingInvoiceRecord(adjustingIssue(sale, ret));
          const expected = {
            amount: minor(0 - ret.totals.taxable),
            tax: minor(0 - ret.totals.tax),
            total: minor(0 - ret.totals.refund),
          };
          expect(record.totals).toEqual(expected);
          expect(totalsOf(record, 'lines')).toEqual(expected);
          expect(totalsOf(record, 'ratesTotals')).toEqual(expected);
          const labels = new Set(record.lines.map((entry) => entry.rate.label));
          expect(record.ratesTotals.map((row) => row.rate.label).sort()).toEqual(
            [...labels].sort(),
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});
