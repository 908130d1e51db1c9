import { describe, expect, it } from 'vitest';
import { newPinProblem, worksInStore } from '../../../../src/staff/staff-rules';
import { minPinLength } from '../../../../sync-server/api/staff-routes';

describe('new PIN rule', () => {
  it('asks for 6 digits by default, in vi and en', () => {
    expect(newPinProblem('12345')).toMatchObject({ code: 'too_short' });
    expect(newPinProblem('12345')?.vi).toContain('6 chữ số');
    expect(newPinProblem('123456')).toBeNull();
    expect(newPinProblem('12a456')?.code).toBe('not_digits');
    expect(newPinProblem('123456789')?.code).toBe('too_long');
  });

  it('takes the length the server is started with, and refuses a nonsense one', () => {
    expect(minPinLength({})).toBe(6);
    expect(minPinLength({ OMNITILL_MIN_PIN_LENGTH: '8' })).toBe(8);
    expect(newPinProblem('1234567', 8)?.code).toBe('too_short');
    expect(() => minPinLength({ OMNITILL_MIN_PIN_LENGTH: '2' })).toThrow(/4 to 8/);
  });
});

describe('who works in a store', () => {
  it('is someone of that store or of every store', () => {
    expect(worksInStore({ storeIds: ['hn-hk'] }, 'hn-hk')).toBe(true);
    expect(worksInStore({ storeIds: ['hcm-q1'] }, 'hn-hk')).toBe(false);
    expect(worksInStore({ storeIds: ['*'] }, 'hn-hk')).toBe(true);
  });
});
