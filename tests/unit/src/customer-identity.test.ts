import { describe, expect, it } from 'vitest';
import { normalizeCardNumber, normalizePhone } from '../../../src/customers';

describe('one normal form per phone number', () => {
  it.each([
    ['0901 234 567', '+84901234567'],
    ['+84 901 234 567', '+84901234567'],
    ['84901234567', '+84901234567'],
    ['+84 (0) 901-234-567', '+84901234567'],
    ['+840901234567', '+84901234567'],
    ['+6591234567', '+6591234567'],
  ])('reads %s as %s', (text, e164) => {
    expect(normalizePhone(text)).toBe(e164);
  });

  it.each(['', 'abc', '12', '901234567', '+84 90 12 34 56 78 90 12 34'])('refuses %j', (text) => {
    expect(normalizePhone(text)).toBeNull();
  });
});

describe('one normal form per loyalty card', () => {
  it('ignores spaces and case, refuses an empty number', () => {
    expect(normalizeCardNumber(' lc0000 0011 ')).toBe('LC00000011');
    expect(normalizeCardNumber('  ')).toBeNull();
  });
});
