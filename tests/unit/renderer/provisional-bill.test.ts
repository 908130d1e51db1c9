/**
 * The provisional bill printed while a VietQR transfer is pending: the QR on paper is the code
 * the payment panel shows (same payload, decoded by the tests' own TLV reader), it says it is
 * not paid and not a receipt, the Vietnamese store name is printed as typed, and the lines add
 * up to the cart's total.
 */
import { describe, expect, it } from 'vitest';
import { minor } from '../../../src/money';
import { priceCart, pricingContextFromSettings } from '../../../src/pricing';
import { buildProvisionalBill, layoutReceipt, layoutText } from '../../../src/receipt';
import type { Receipt, ReceiptBlock } from '../../../src/receipt';
import { makeTransferCode } from '../../../renderer/sell/payment/bank-transfer';
import type { TransferCode } from '../../../renderer/sell/payment/bank-transfer';
import { provisionalBillJobId } from '../../../renderer/sell/payment/provisional-bill-printing';
import { decodeVietQr } from '../payments/emv-reader';
import { cart, NOW, SALE_ID, storeSettings } from './sale-fixtures';

const ACCOUNT = {
  bankBin: '970436',
  accountNumber: '0011000123456',
  accountName: 'CONG TY OMNITILL',
};

async function code(bankName?: string): Promise<TransferCode> {
  const made = await makeTransferCode(
    { ...ACCOUNT, ...(bankName ? { bankName } : {}) },
    minor(72_000),
  );
  if (!made.ok) throw new Error(made.reason);
  return made.code;
}

function bill(transfer: TransferCode, locale: 'vi-VN' | 'en-US' = 'vi-VN'): Receipt {
  const settings = storeSettings();
  const items = cart();
  return buildProvisionalBill({
    documentId: SALE_ID,
    storeName: 'Omnitill Quận 1',
    locale,
    currency: 'VND',
    now: new Date(NOW),
    cart: items,
    priced: priceCart(items, pricingContextFromSettings(settings, NOW)),
    transfer,
  });
}

const texts = (receipt: Receipt): string[] =>
  receipt.blocks.flatMap((block) => (block.kind === 'text' ? [block.text] : []));

const qrBlocks = (receipt: Receipt) =>
  receipt.blocks.filter(
    (block): block is Extract<ReceiptBlock, { kind: 'qr' }> => block.kind === 'qr',
  );

describe('the provisional bill with the VietQR code', () => {
  it('carries exactly the payload the panel shows, in one QR block', async () => {
    const shown = await code();
    const qr = qrBlocks(bill(shown));
    expect(qr).toHaveLength(1);
    expect(qr[0]?.value).toBe(shown.payload);
    const decoded = decodeVietQr(qr[0]?.value ?? '');
    expect(decoded.crcOk).toBe(true);
    expect(decoded.root.get('54')).toBe('72000');
    expect(decoded.beneficiary.get('00')).toBe('970436');
    expect(decoded.beneficiary.get('01')).toBe('0011000123456');
  });

  it('says it is not paid and not a receipt, in the store language', async () => {
    const vi = texts(bill(await code()));
    expect(vi).toContain('PHIẾU TẠM TÍNH');
    expect(vi).toContain('CHƯA THANH TOÁN');
    expect(vi).not.toContain('HÓA ĐƠN BÁN HÀNG');
    const en = texts(bill(await code(), 'en-US'));
    expect(en).toContain('PROVISIONAL BILL');
    expect(en).toContain('NOT PAID');
  });

  it('prints the Vietnamese store name as typed, on every paper width', async () => {
    const receipt = bill(await code());
    expect(receipt.blocks[0]).toMatchObject({ kind: 'text', text: 'Omnitill Quận 1' });
    for (const columns of [32, 42, 48] as const) {
      const lines = layoutText(layoutReceipt(receipt, columns));
      expect(lines.some((text) => text.trim() === 'Omnitill Quận 1')).toBe(true);
    }
  });

  it('lists the lines, the total, whom to pay and the reference', async () => {
    const shown = await code('Vietcombank');
    const lines = layoutText(layoutReceipt(bill(shown), 48));
    const cartNames = cart().lines.map((cartLine) => cartLine.name);
    for (const name of cartNames) expect(lines.some((text) => text.includes(name))).toBe(true);
    expect(lines.some((text) => /TỔNG CỘNG\s+72\.000/.test(text))).toBe(true);
    expect(lines.some((text) => /Chuyển khoản\s+72\.000/.test(text))).toBe(true);
    expect(lines).toContainEqual(expect.stringContaining('Ngân hàng: Vietcombank (970436)'));
    expect(lines).toContainEqual(expect.stringContaining('Số TK: 0011000123456'));
    expect(lines).toContainEqual(expect.stringContaining('Chủ TK: CONG TY OMNITILL'));
    expect(lines).toContainEqual(expect.stringContaining(`Nội dung: ${shown.reference}`));
  });

  it('shows the BIN when the store named no bank', async () => {
    const lines = layoutText(layoutReceipt(bill(await code()), 48));
    expect(lines).toContainEqual(expect.stringContaining('Ngân hàng: BIN 970436'));
  });

  it('prints under a job id no sale receipt uses, a new one per press', () => {
    const first = provisionalBillJobId('OT7K2M9Q4X', 1_000);
    expect(first.startsWith('bill_')).toBe(true);
    expect(first).not.toMatch(/^job_/);
    expect(provisionalBillJobId('OT7K2M9Q4X', 2_000)).not.toBe(first);
  });
});
