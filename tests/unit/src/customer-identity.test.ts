import { describe, expect, it } from 'vitest';
import { customerMatchesEntry, normalizeCardNumber, normalizePhone } from '../../../src/customers';
import type { CustomerDoc } from '../../../src/documents';
import { matchCustomers, parseCustomerQuery } from '../../../renderer/sell/customer-lookup';

describe('one normal form per phone number', () => {
  it.each([
    ['0901 234 567', '+84901234567'],
    ['+84 901 234 567', '+84901234567'],
    ['84901234567', '+84901234567'],
    ['+84 (0) 901-234-567', '+84901234567'],
    ['+840901234567', '+84901234567'],
    ['+6591234567', '+6591234567'],
    ['901234567', '+84901234567'],
    ['901 234 567', '+84901234567'],
  ])('reads %s as %s', (text, e164) => {
    expect(normalizePhone(text)).toBe(e164);
  });

  it.each(['', 'abc', '12', '123456789', '90123456', '+84 90 12 34 56 78 90 12 34'])(
    'refuses %j',
    (text) => {
      expect(normalizePhone(text)).toBeNull();
    },
  );
});

describe('one normal form per loyalty card', () => {
  it('ignores spaces and case, refuses an empty number', () => {
    expect(normalizeCardNumber(' lc0000 0011 ')).toBe('LC00000011');
    expect(normalizeCardNumber('  ')).toBeNull();
  });
});

describe('one customer, whichever way the number is typed, at every counter', () => {
  const lan: CustomerDoc = {
    id: 'cust_lan',
    name: 'Nguyễn Thị Lan',
    phone: '+84901234567',
    loyaltyCardNumber: 'LC00000011',
    origin: { channel: 'store', storeId: 'hcm-q1' },
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
  };
  const typed = ['84901234567', '901234567', '0901 234 567', '+84 901 234 567'];

  it.each(typed)('the register search finds %s', (text) => {
    const query = parseCustomerQuery(text, () => false);
    expect(query).toEqual({ kind: 'phone', phone: '+84901234567' });
    expect(matchCustomers([lan], query!)).toEqual([lan]);
  });

  it.each(typed)('the customer history screen finds %s on this register', (text) => {
    expect(customerMatchesEntry(lan, text)).toBe(true);
  });

  it('the history screen also finds a card typed in lower case, or an email', () => {
    expect(customerMatchesEntry(lan, ' lc00000011 ')).toBe(true);
    expect(customerMatchesEntry({ ...lan, email: 'lan@example.vn' }, 'LAN@example.vn')).toBe(true);
    expect(customerMatchesEntry(lan, '0901234568')).toBe(false);
    expect(customerMatchesEntry(lan, '')).toBe(false);
  });
});
