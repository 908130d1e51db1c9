/**
 * The buyer's data a manager enters after the sale (src/einvoice/buyer-entry.ts): what goes into
 * `NMua` (trimmed, the phone in E.164 by the customers' one phone rule, blanks dropped), each bad
 * field refused naming the field and the problem, the bounds per field, and the door check of
 * the API entry refusing oversize or non-text fields before the handler.
 */
import { describe, expect, it } from 'vitest';
import { apiRequestProblem } from '../../../src/api';
import { normalizePhone } from '../../../src/customers/customer-identity';
import { BUYER_MAX_LENGTH, checkBuyerEntry, hideBuyer } from '../../../src/einvoice';
import type { BuyerEntry } from '../../../src/einvoice';

const problemOf = (entry: BuyerEntry) => {
  const checked = checkBuyerEntry(entry);
  return checked.ok ? null : { field: checked.problem.field, problem: checked.problem.problem };
};

describe("the buyer's data entered after the sale", () => {
  it('keeps what was given, trimmed, with the phone as the customers keep it', () => {
    const checked = checkBuyerEntry({
      name: '  Công ty TNHH Hoa Sen ',
      taxCode: ' 0301234567-001 ',
      address: '5 Nguyễn Huệ, TP. Hồ Chí Minh',
      idNumber: '',
      phone: '0901 234 567',
    });
    expect(checked).toEqual({
      ok: true,
      buyer: {
        name: 'Công ty TNHH Hoa Sen',
        taxCode: '0301234567-001',
        address: '5 Nguyễn Huệ, TP. Hồ Chí Minh',
        phone: '+84901234567',
      },
    });
    expect(normalizePhone('0901 234 567')).toBe('+84901234567');
  });

  it('takes a person with a 12-digit ID number and no tax code', () => {
    expect(checkBuyerEntry({ name: 'Nguyễn Văn An', idNumber: '079090001234' })).toEqual({
      ok: true,
      buyer: { name: 'Nguyễn Văn An', idNumber: '079090001234' },
    });
  });

  it('refuses each bad field, naming it', () => {
    expect(problemOf({ name: 'A', taxCode: '12345' })).toEqual({
      field: 'taxCode',
      problem: 'tax-code',
    });
    expect(problemOf({ name: 'A', taxCode: '0301234567-1' })).toEqual({
      field: 'taxCode',
      problem: 'tax-code',
    });
    expect(problemOf({ idNumber: '07909000123' })).toEqual({
      field: 'idNumber',
      problem: 'id-number',
    });
    expect(problemOf({ idNumber: '07909000123x' })).toEqual({
      field: 'idNumber',
      problem: 'id-number',
    });
    expect(problemOf({ phone: '12' })).toEqual({ field: 'phone', problem: 'phone' });
    expect(problemOf({ phone: 'gọi sau' })).toEqual({ field: 'phone', problem: 'phone' });
    expect(problemOf({ taxCode: '0301234567', name: '  ' })).toEqual({
      field: 'name',
      problem: 'needs-name',
    });
    expect(problemOf({ name: ' ', address: '' })).toEqual({ field: undefined, problem: 'empty' });
    expect(problemOf({})).toEqual({ field: undefined, problem: 'empty' });
  });

  it('bounds each field, counting what was typed', () => {
    for (const [field, max] of Object.entries(BUYER_MAX_LENGTH)) {
      expect(problemOf({ name: 'A', [field]: 'x'.repeat(max + 1) })).toEqual({
        field,
        problem: 'too-long',
      });
    }
    const longest = checkBuyerEntry({ name: 'N'.repeat(200), address: 'D'.repeat(300) });
    expect(longest.ok).toBe(true);
  });

  it('gives a reason that says what to do', () => {
    const checked = checkBuyerEntry({ name: 'A', taxCode: '12' });
    expect(checked.ok ? '' : checked.problem.reason).toMatch(/check it with the buyer/);
  });

  it('is checked at the server door: an object of text fields within their bounds', () => {
    const request = (buyer: unknown) => ({
      id: 'inv_hcm-q1_2026-12-03_sale_1',
      buyer,
      staffId: 'staff_ha',
      pin: '9999',
    });
    expect(apiRequestProblem('einvoices/buyer', request({ name: 'A' }))).toBeNull();
    expect(apiRequestProblem('einvoices/buyer', request({ name: '' }))).toBeNull();
    expect(apiRequestProblem('einvoices/buyer', request(undefined))).toMatchObject({
      field: 'buyer',
    });
    expect(apiRequestProblem('einvoices/buyer', request({ name: 42 }))).toMatchObject({
      field: 'buyer.name',
    });
    expect(
      apiRequestProblem('einvoices/buyer', request({ address: 'x'.repeat(301) })),
    ).toMatchObject({ field: 'buyer.address' });
    expect(
      apiRequestProblem('einvoices/buyer', { ...request({ name: 'A' }), pin: '1'.repeat(33) }),
    ).toMatchObject({ field: 'pin' });
  });

  describe("a person's ID number and phone, shown hidden to a register", () => {
    const ON_FILE = { name: 'Nguyễn Văn An', idNumber: '079123456789', phone: '+84901234567' };
    const SHOWN = hideBuyer(ON_FILE);

    it('hides all but the last 3 characters of the ID number and phone, nothing else', () => {
      expect(SHOWN).toEqual({
        name: 'Nguyễn Văn An',
        idNumber: '*********789',
        phone: '*********567',
      });
    });

    it('keeps what is on file when the hidden value comes back as shown (the server)', () => {
      expect(checkBuyerEntry({ ...SHOWN, name: 'Nguyễn Văn Bình' }, ON_FILE)).toEqual({
        ok: true,
        buyer: { name: 'Nguyễn Văn Bình', idNumber: '079123456789', phone: '+84901234567' },
      });
      // A number typed again whole replaces it.
      const retyped = checkBuyerEntry({ ...SHOWN, phone: '0912 345 678' }, ON_FILE);
      expect(retyped.ok && retyped.buyer.phone).toBe('+84912345678');
    });

    it('takes the shown value unchecked in the form, which only has it hidden', () => {
      expect(checkBuyerEntry({ ...SHOWN, name: 'Nguyễn Văn Bình' }, SHOWN)).toMatchObject({
        ok: true,
      });
      expect(checkBuyerEntry({ idNumber: SHOWN.idNumber }, SHOWN)).toMatchObject({ ok: true });
    });

    it('refuses a hidden value that is not what was shown: no guessing, no forging', () => {
      const masked = (entry: BuyerEntry, onFile?: typeof ON_FILE) => {
        const checked = checkBuyerEntry(entry, onFile);
        return checked.ok ? null : [checked.problem.field, checked.problem.problem];
      };
      // Nothing on file behind it.
      expect(masked({ phone: '*********567' })).toEqual(['phone', 'masked']);
      // Edited around the stars, or another number's tail.
      expect(masked({ ...SHOWN, idNumber: '*********788' }, ON_FILE)).toEqual([
        'idNumber',
        'masked',
      ]);
      expect(masked({ ...SHOWN, phone: '0901*****567' }, ON_FILE)).toEqual(['phone', 'masked']);
      const reason = checkBuyerEntry({ phone: '***' });
      expect(reason.ok ? '' : reason.problem.reason).toMatch(/type the whole phone number again/);
    });
  });
});
