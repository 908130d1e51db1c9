/**
 * What a sale that sells a gift card prints and invoices: the receipt lists the card masked with
 * its value (and, printed offline, that it activates on sync); the e-invoice leaves the card out.
 */
import { describe, expect, it } from 'vitest';
import { buildEInvoiceRecord } from '../../../src/einvoice';
import { minor } from '../../../src/money';
import { buildSaleReceipt, layoutReceipt, layoutText } from '../../../src/receipt';
import { giftCardLine } from '../../../src/stored-value';
import { issueOf, line, saleOf } from '../einvoice/einvoice-fixtures';

const NUMBER = 'GC20261204123';
const card = giftCardLine({
  lineId: 'g1',
  number: NUMBER,
  amount: minor(200_000),
  name: 'Thẻ quà tặng *4123',
});

describe('a sale selling a gift card', () => {
  const sale = saleOf([line('l1', 'vat8', 54_000), card]);

  it('prints the card masked with its value, and offline that it activates on sync', () => {
    const text = (pending: boolean) =>
      layoutText(
        layoutReceipt(
          buildSaleReceipt({
            sale: { ...sale, payment: { ...sale.payment } },
            storeName: 'Omnitill',
            locale: 'vi-VN',
            currency: 'VND',
            now: new Date(sale.completedAt),
            header: [],
            footer: [],
            giftCardsPending: pending,
          }),
          48,
        ),
      ).join('\n');
    const offline = text(true);
    expect(offline).toContain('Thẻ quà tặng đã bán');
    expect(offline).toMatch(/Thẻ quà tặng \*4123 +200\.000/);
    expect(offline).toContain('Thẻ kích hoạt khi quầy đồng bộ');
    expect(offline).not.toContain(NUMBER);
    expect(text(false)).not.toContain('Thẻ kích hoạt khi quầy đồng bộ');
  });

  it('invoices the goods only: the card is no line of the e-invoice and not in its total', () => {
    const record = buildEInvoiceRecord(issueOf(sale));
    expect(record.lines.map((invoiced) => invoiced.sku)).toEqual(['SKU-l1']);
    expect(record.totals.total).toBe(54_000);
    expect(sale.priced.totals.total).toBe(254_000);
    // No VAT row for the card: the invoice's rates and VAT are the goods' alone.
    expect(record.ratesTotals).toHaveLength(1);
    expect(record.totals.tax).toBe(sale.priced.totals.tax);
    expect(sale.priced.taxBreakdown.map((entry) => entry.taxRateId)).toEqual(['vat8']);
  });

  it('refuses to invoice a sale of gift cards only', () => {
    expect(() => buildEInvoiceRecord(issueOf(saleOf([card])))).toThrow(/only sells gift cards/);
  });
});
