/**
 * The VietQR tender on the register's side: the code it builds for an amount (decoded with the
 * tests' own TLV reader), the tender it becomes when confirmed, a sale paid by it as the server
 * validates it and as the receipt prints it, and where its refund goes.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { saleSchema } from '../../../src/documents';
import type { DocumentSchema } from '../../../src/documents';
import { minor } from '../../../src/money';
import { isPaymentReference } from '../../../src/payments';
import { buildSaleReceipt, layoutReceipt, layoutText } from '../../../src/receipt';
import { completeSale } from '../../../src/sales';
import { planRefundTenders } from '../../../src/tenders';
import type { TenderInput } from '../../../src/tenders';
import { makeTransferCode, transferTender } from '../../../renderer/sell/payment/bank-transfer';
import { decodeVietQr } from '../payments/emv-reader';
import { cart, NOW, SALE_ID, storeSettings } from './sale-fixtures';

const ACCOUNT = {
  bankBin: '970436',
  accountNumber: '0011000123456',
  accountName: 'CONG TY OMNITILL',
};

function completed(tenders: TenderInput[]) {
  const result = completeSale({
    saleId: SALE_ID,
    createdAt: NOW,
    completedAt: NOW,
    storeId: 'hcm-q1',
    registerId: 'reg-01',
    deviceId: 'dev_1',
    staffId: 'staff_lan',
    settings: storeSettings(),
    cart: cart(),
    tenders,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.completed;
}

function validator(schema: DocumentSchema) {
  const { version: _v, primaryKey: _p, indexes: _i, ...jsonSchema } = schema;
  const ajv = new Ajv({ allErrors: true, strictTypes: false, allowUnionTypes: true });
  addFormats(ajv);
  return ajv.compile(jsonSchema);
}

describe('the bank-transfer tender', () => {
  it('builds a dynamic VietQR code for the amount with a fresh reference, drawn as SVG', async () => {
    const made = await makeTransferCode(ACCOUNT, minor(72_000), 'Omnitill Quận 1');
    if (!made.ok) throw new Error(made.reason);
    const { code } = made;
    expect(isPaymentReference(code.reference)).toBe(true);
    const decoded = decodeVietQr(code.payload);
    expect(decoded.crcOk).toBe(true);
    expect(decoded.root.get('01')).toBe('12');
    expect(decoded.root.get('54')).toBe('72000');
    expect(decoded.beneficiary.get('00')).toBe('970436');
    expect(decoded.beneficiary.get('01')).toBe('0011000123456');
    expect(decoded.additional.get('01')).toBe(code.reference);
    // The purpose is cut at a word to its 25 characters, the reference first.
    expect(decoded.additional.get('08')).toBe(`${code.reference} Omnitill Quan`);
    expect(code.svg).toMatch(/^<svg[^>]*viewBox/);
    expect(code.svg).toContain('<path');

    const again = await makeTransferCode(ACCOUNT, minor(72_000));
    expect(again.ok && again.code.reference).not.toBe(code.reference);
  });

  it('says which setting is wrong instead of drawing a code that cannot pay', async () => {
    const made = await makeTransferCode({ ...ACCOUNT, accountNumber: '12-34' }, minor(1_000));
    expect(made.ok).toBe(false);
    expect(!made.ok && made.reason).toMatch(/account number must be 6 to 19 digits/);
  });

  it('records who confirmed by hand, and whether the server could be told', () => {
    const code = { reference: 'OT7KQ2M9XA', amount: minor(72_000) };
    expect(transferTender('t1', code, { by: 'bank' })).toEqual({
      tenderId: 't1',
      kind: 'bank-transfer',
      amount: 72_000,
      paymentReference: 'OT7KQ2M9XA',
    });
    expect(
      transferTender('t1', code, { by: 'hand', approverId: 'staff_minh', offline: true }),
    ).toMatchObject({ confirmedBy: 'staff_minh', confirmedOffline: true });
    expect(
      transferTender('t1', code, { by: 'hand', approverId: 'staff_minh', offline: false }),
    ).not.toHaveProperty('confirmedOffline');
  });

  it('pays a sale the server accepts, printed as "Chuyển khoản" with the reference', () => {
    const due = completed([{ tenderId: 'c', kind: 'cash', amount: minor(1_000_000) }]).sale.payment
      .amountDue;
    const tender = transferTender(
      't1',
      { reference: 'OT7KQ2M9XA', amount: due },
      { by: 'hand', approverId: 'staff_minh', offline: true },
    );
    const { sale } = completed([tender]);
    expect(sale.payment.change).toBe(0);
    const validate = validator(saleSchema);
    expect(validate(sale), JSON.stringify(validate.errors)).toBe(true);
    expect(
      validate({
        ...sale,
        payment: {
          ...sale.payment,
          tenders: [{ ...sale.payment.tenders[0], paymentReference: 'x'.repeat(17) }],
        },
      }),
    ).toBe(false);

    const settings = storeSettings();
    const receipt = buildSaleReceipt({
      sale,
      storeName: settings.name,
      locale: 'vi-VN',
      currency: 'VND',
      now: new Date(NOW),
      header: settings.receipt.header,
      footer: settings.receipt.footer,
      taxKinds: {},
      staffName: 'Nguyễn Thị Lan',
      pointsBalance: null,
      copy: false,
    });
    const text = layoutText(layoutReceipt(receipt, 48)).join('\n');
    expect(text).toMatch(/Chuyển khoản OT7KQ2M9XA +\d/);
  });

  it('is refunded to the fallback: the counter cannot send a transfer back', () => {
    const tender = transferTender(
      't1',
      { reference: 'OT7KQ2M9XA', amount: minor(50_000) },
      { by: 'bank' },
    );
    const refunds = planRefundTenders({
      refund: minor(20_000),
      originalTenders: [
        { ...tender, applied: minor(50_000), rounding: minor(0), change: minor(0) },
      ],
      fallback: 'store-credit',
      cashRounding: null,
    });
    expect(refunds).toEqual([{ kind: 'store-credit', covers: 20_000, amount: 20_000 }]);
  });
});
