/**
 * What the manager's e-invoice panel says per invoice: each status in Vietnamese and English, a
 * refused or blocked invoice with the server's reason, a failed one with its next try or, when
 * the tries ran out, the call to resend; resend offered for refused, failed and blocked only
 * (never for an accepted invoice, which the server never sends twice).
 */
import { describe, expect, it } from 'vitest';
import type { EInvoiceView } from '../../../src/api/einvoice-views';
import { minor } from '../../../src/money';
import { tableTranslator } from '../../../renderer/i18n/table-translator';
import {
  canResend,
  einvoiceDetail,
  kindLabel,
  STATUS_LABELS,
} from '../../../renderer/manager/einvoices/einvoice-status';
import { MANAGER_MESSAGES } from '../../../renderer/manager/manager-messages';

const vi = tableTranslator(MANAGER_MESSAGES['vi-VN']);
const en = tableTranslator(MANAGER_MESSAGES['en-US']);
const time = (iso: string) => `<${iso.slice(11, 16)}>`;

function invoice(overrides: Partial<EInvoiceView>): EInvoiceView {
  return {
    id: 'inv_hcm-q1_2026-12-04_sale_1',
    saleId: 'sale_1',
    storeId: 'hcm-q1',
    registerId: 'reg-01',
    businessDate: '2026-12-04',
    code: 'M1-26-AB12C-00100000001',
    symbol: 'C26MAA',
    total: minor(72_000),
    status: 'queued',
    attempts: 0,
    maxAttempts: 8,
    dueAt: '2026-12-04T17:00:00.000Z',
    createdAt: '2026-12-04T03:00:00.000Z',
    updatedAt: '2026-12-04T03:00:00.000Z',
    ...overrides,
  };
}

describe('the e-invoice panel rows', () => {
  it("names a return's adjusting invoice and says it waits for the original", () => {
    const adjusting = invoice({
      kind: 'adjusting',
      returnId: 'ret_1',
      originalCode: 'M1-26-AB12C-00100000001',
      code: 'M1-26-AB12C-90000000001',
      total: minor(-36_000),
    });
    expect(vi(kindLabel(adjusting))).toBe('Điều chỉnh');
    expect(en(kindLabel(adjusting))).toBe('Adjusting');
    // Entries from before adjusting invoices carry no kind: they are sales.
    expect(en(kindLabel(invoice({})))).toBe('Sale');
    expect(vi(kindLabel(invoice({ kind: 'sale' })))).toBe('Bán hàng');
    expect(einvoiceDetail(adjusting, en, time)).toBe(
      'Goes from <17:00>, once the original invoice is accepted',
    );
    expect(einvoiceDetail(adjusting, vi, time)).toBe(
      'Gửi từ <17:00>, sau khi hóa đơn gốc được chấp nhận',
    );
    expect(en('einvoices.adjusts', { code: 'M1-26-AB12C-00100000001' })).toBe(
      'Decreases invoice M1-26-AB12C-00100000001',
    );
  });

  it('says when a queued invoice goes and who accepted one', () => {
    expect(einvoiceDetail(invoice({}), en, time)).toBe('Goes at <17:00>');
    expect(einvoiceDetail(invoice({}), vi, time)).toBe('Gửi lúc <17:00>');
    const accepted = invoice({ status: 'accepted', providerId: 'LP-42' });
    expect(einvoiceDetail(accepted, en, time)).toBe("Provider's id: LP-42");
    expect(canResend(accepted)).toBe(false);
  });

  it('gives the reason of a refused or blocked invoice and offers a resend', () => {
    const refused = invoice({ status: 'refused', reason: 'TgTTTBSo does not add up' });
    expect(einvoiceDetail(refused, en, time)).toContain('TgTTTBSo does not add up');
    const blocked = invoice({ status: 'blocked', reason: 'Register reg-09 has no number' });
    expect(einvoiceDetail(blocked, vi, time)).toContain('Register reg-09 has no number');
    expect(canResend(refused) && canResend(blocked)).toBe(true);
  });

  it('tells a failed invoice with a next try from one whose tries ran out', () => {
    const retrying = invoice({
      status: 'failed',
      reason: 'provider down',
      attempts: 2,
      nextAttemptAt: '2026-12-04T17:04:00.000Z',
    });
    expect(einvoiceDetail(retrying, en, time)).toBe(
      'provider down. Tries again by itself at <17:04> (try 2 of 8).',
    );
    const stopped = invoice({ status: 'failed', reason: 'provider down', attempts: 8 });
    expect(einvoiceDetail(stopped, en, time)).toBe('provider down. All 8 tries used: resend it.');
    expect(canResend(retrying) && canResend(stopped)).toBe(true);
    expect(canResend(invoice({ status: 'sent' })) || canResend(invoice({}))).toBe(false);
  });

  it('names every status in both languages', () => {
    for (const key of Object.values(STATUS_LABELS)) {
      expect(vi(key)).not.toBe(en(key));
    }
    expect(en(STATUS_LABELS.refused)).toBe('Refused');
    expect(vi(STATUS_LABELS.refused)).toBe('Bị từ chối');
  });
});
