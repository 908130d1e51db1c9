/**
 * The e-invoice code on the register's receipt: made offline from the store settings'
 * `einvoice` section (as the sync-server writes it from its configuration) and the sale's receipt
 * sequence, it is the code the server's queue builds for the same sale, on both sides of New
 * Year in the store's zone; a voided sale, a register without a number, a sale before the
 * store's first day of e-invoices or without a sequence prints none.
 */
import { describe, expect, it } from 'vitest';
import type { SaleDoc, StoreSettingsDoc } from '../../../src/documents';
import { saleInvoiceCode } from '../../../src/einvoice';
import { minor } from '../../../src/money';
import type { ReceiptBlock } from '../../../src/receipt';
import { storeSaleReceipt } from '../../../src/receipt';
import { completeSale } from '../../../src/sales';
import { parseEInvoiceConfig } from '../../../sync-server/einvoice/einvoice-config';
import { buildInvoice } from '../../../sync-server/einvoice/einvoice-builder';
import { settingsInvoicing } from '../../../sync-server/einvoice/register-invoicing';
import { cart, SALE_ID, storeSettings } from '../renderer/sale-fixtures';

const config = parseEInvoiceConfig({
  provider: { name: 'local', url: 'http://127.0.0.1:9/invoices' },
  stores: {
    'hcm-q1': {
      from: '2026-11-01',
      seller: {
        name: 'Công ty TNHH Omnitill Việt Nam',
        taxCode: '0312345678',
        address: '12 Lê Lợi, TP. Hồ Chí Minh',
      },
      sellerBlock: 'AB12C',
      series: 'AA',
      registers: { 'reg-01': 7, 'reg-02': 8 },
      lookupUrl: 'https://hoadon.example.vn/tra-cuu?ma={code}',
    },
  },
});
const invoicing = config.stores['hcm-q1']!;

function settingsWithInvoices(): StoreSettingsDoc {
  return { ...storeSettings(), einvoice: settingsInvoicing(invoicing) };
}

function sale(completedAt: string, receiptSequence?: number): SaleDoc {
  const result = completeSale({
    saleId: SALE_ID,
    createdAt: completedAt,
    completedAt,
    storeId: 'hcm-q1',
    registerId: 'reg-01',
    deviceId: 'dev_1',
    staffId: 'staff_lan',
    settings: storeSettings(),
    cart: cart(),
    tenders: [{ tenderId: 't1', kind: 'cash', amount: minor(200_000) }],
    ...(receiptSequence === undefined ? {} : { receiptSequence }),
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.completed.sale;
}

const texts = (blocks: readonly ReceiptBlock[]) =>
  blocks.flatMap((block) => (block.kind === 'text' ? [block.text] : []));
const qrValues = (blocks: readonly ReceiptBlock[]) =>
  blocks.flatMap((block) => (block.kind === 'qr' ? [block.value] : []));

describe('the e-invoice code a register prints', () => {
  it.each([
    [
      '23:59:59 on 31 Dec 2026 in Vietnam',
      '2026-12-31T16:59:59.000Z',
      42,
      'M1-26-AB12C-00700000042',
    ],
    [
      '00:00:01 on 1 Jan 2027 in Vietnam',
      '2026-12-31T17:00:01.000Z',
      43,
      'M1-27-AB12C-00700000043',
    ],
    ['the last sequence', '2026-11-23T08:00:00.000Z', 99_999_999, 'M1-26-AB12C-00799999999'],
  ])('is the code the server sends, at %s', (_when, completedAt, sequence, expected) => {
    const settings = settingsWithInvoices();
    const sold = sale(completedAt, sequence);
    const server = buildInvoice(sold, settings, invoicing);
    expect('code' in server && server.code).toBe(expected);
    const receipt = storeSaleReceipt(sold, settings);
    expect(texts(receipt.blocks)).toContain(expected);
    expect(texts(receipt.blocks)).toContain('Mã hóa đơn điện tử');
    expect(qrValues(receipt.blocks)).toContain(
      `https://hoadon.example.vn/tra-cuu?ma=${encodeURIComponent(expected)}`,
    );
  });

  it('prints none for a voided sale', () => {
    const sold = sale('2026-11-23T08:00:00.000Z', 5);
    const voided: SaleDoc = {
      ...sold,
      status: 'voided',
      void: { voidedAt: sold.completedAt, voidedBy: 'staff_minh', reason: 'wrong items' },
    };
    expect(saleInvoiceCode(voided, settingsWithInvoices())).toBeNull();
    const lines = texts(storeSaleReceipt(voided, settingsWithInvoices()).blocks);
    expect(lines.some((text) => text.startsWith('M1-'))).toBe(false);
    expect(lines).not.toContain('Mã hóa đơn điện tử');
  });

  it('prints none where the server sends none', () => {
    const settings = settingsWithInvoices();
    const numbered = sale('2026-11-23T08:00:00.000Z', 5);
    // A register the configuration does not number.
    expect(saleInvoiceCode({ ...numbered, registerId: 'reg-09' }, settings)).toBeNull();
    // A sale of a day before the store's first day of e-invoices (31 Oct in Vietnam).
    expect(saleInvoiceCode(sale('2026-10-31T16:59:00.000Z', 5), settings)).toBeNull();
    expect(saleInvoiceCode(sale('2026-10-31T17:00:00.000Z', 5), settings)).not.toBeNull();
    // A sale without a receipt sequence, and a store without e-invoices.
    expect(saleInvoiceCode(sale('2026-11-23T08:00:00.000Z'), settings)).toBeNull();
    const plain = storeSaleReceipt(numbered, storeSettings());
    expect(texts(plain.blocks)).not.toContain('Mã hóa đơn điện tử');
    expect(qrValues(plain.blocks)).toHaveLength(1);
  });

  it('prints the code without a lookup address when the store gives none', () => {
    const { lookupUrl: _none, ...withoutLookup } = settingsInvoicing(invoicing);
    const settings = { ...storeSettings(), einvoice: withoutLookup };
    const receipt = storeSaleReceipt(sale('2026-11-23T08:00:00.000Z', 5), settings);
    expect(texts(receipt.blocks)).toContain('M1-26-AB12C-00700000005');
    expect(texts(receipt.blocks)).not.toContain('Tra cứu hóa đơn tại');
    expect(qrValues(receipt.blocks)).toHaveLength(1);
  });

  it('prints the English label on an English store', () => {
    const settings: StoreSettingsDoc = { ...settingsWithInvoices(), defaultLocale: 'en-US' };
    const receipt = storeSaleReceipt(sale('2026-11-23T08:00:00.000Z', 5), settings);
    expect(texts(receipt.blocks)).toEqual(
      expect.arrayContaining(['E-invoice code', 'M1-26-AB12C-00700000005']),
    );
  });
});
