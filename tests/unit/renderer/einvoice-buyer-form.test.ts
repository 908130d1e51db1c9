/**
 * How the manager's buyer-details form words what the server refuses, in Vietnamese and English:
 * a field problem (with the field's name and bound), an invoice accepted (what to do instead),
 * one with the provider, a wrong PIN, offline; and on which invoices the form is offered.
 */
import { describe, expect, it } from 'vitest';
import { tableTranslator } from '../../../renderer/i18n/table-translator';
import { buyerRefusalText } from '../../../renderer/manager/einvoices/einvoice-buyer-form';
import { canAddBuyer } from '../../../renderer/manager/einvoices/einvoice-status';
import { MANAGER_MESSAGES } from '../../../renderer/manager/manager-messages';
import type { EInvoiceStatus } from '../../../src/api/einvoice-views';

const vi = tableTranslator(MANAGER_MESSAGES['vi-VN']);
const en = tableTranslator(MANAGER_MESSAGES['en-US']);

function refusal(status: number, details: Record<string, unknown>, reason = 'server reason') {
  return { ok: false as const, offline: false, status, code: 'x', reason, details };
}

describe("the buyer-details form's wording", () => {
  it('words a field problem with the field in the manager language', () => {
    const tooLong = refusal(400, { field: 'buyer.address', problem: 'too-long' });
    expect(buyerRefusalText(vi, tooLong)).toBe('Địa chỉ: dài quá 300 ký tự; hãy rút gọn.');
    expect(buyerRefusalText(en, tooLong)).toBe('Address: longer than 300 characters; shorten it.');
    const taxCode = refusal(400, { field: 'buyer.taxCode', problem: 'tax-code' });
    expect(buyerRefusalText(vi, taxCode)).toMatch(/^Mã số thuế phải gồm 10 chữ số/);
  });

  it('says what to do instead for an accepted invoice, and to wait for a sent one', () => {
    const accepted = refusal(409, { problem: 'accepted' });
    expect(buyerRefusalText(vi, accepted)).toMatch(/04\/SS-HĐĐT.*thay thế hoặc điều chỉnh/);
    expect(buyerRefusalText(en, accepted)).toMatch(/04\/SS-HĐĐT.*replacing or adjusting/);
    expect(buyerRefusalText(en, refusal(409, { problem: 'sent' }))).toMatch(/wait for its answer/);
  });

  it('words a refused PIN and the server unreachable; keeps any other reason', () => {
    expect(buyerRefusalText(vi, refusal(403, {}))).toMatch(/Mã PIN không đúng/);
    expect(buyerRefusalText(vi, { ...refusal(0, {}), offline: true })).toBe(
      MANAGER_MESSAGES['vi-VN']['einvoices.needsServer'],
    );
    expect(buyerRefusalText(en, refusal(500, {}, 'The server failed'))).toBe('The server failed');
  });

  it('is offered until the provider has the invoice', () => {
    const offered = (status: EInvoiceStatus) => canAddBuyer({ status });
    expect(
      ['queued', 'failed', 'refused', 'blocked'].every((s) => offered(s as EInvoiceStatus)),
    ).toBe(true);
    expect(offered('sent')).toBe(false);
    expect(offered('accepted')).toBe(false);
  });
});
