/** The e-receipt rules the register and the server share (src/notifications). */
import { describe, expect, it } from 'vitest';
import {
  eReceiptAddress,
  eReceiptRetryDelayMs,
  RECEIPT_TOKEN_PATTERN,
  receiptLink,
  znsPhone,
} from '../../../src/notifications';

describe('e-receipt addresses', () => {
  it.each([
    ['sms', '0901 234 567', '+84901234567'],
    ['zalo', '+84 (0) 912 345 678', '+84912345678'],
    ['zalo', '912345678', '+84912345678'],
    ['email', '  Khach.Hang@Vi-Du.VN ', 'khach.hang@vi-du.vn'],
  ] as const)('%s "%s" is sent to %s', (channel, text, to) => {
    expect(eReceiptAddress(channel, text)).toEqual({ ok: true, to });
  });

  it.each([
    ['sms', 'khach@vi-du.vn'],
    ['zalo', '12'],
    ['email', '0901234567'],
    ['email', 'a@b'],
    ['email', 'two words@vi-du.vn'],
    ['email', '<script>@x.vn'],
  ] as const)('%s "%s" is refused with what to type instead', (channel, text) => {
    const result = eReceiptAddress(channel, text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/e\.g\.|type it as/);
  });

  it('gives Zalo the phone as 84… without the plus', () => {
    expect(znsPhone('+84901234567')).toBe('84901234567');
  });
});

describe('e-receipt retries and links', () => {
  it('doubles the wait after each failed attempt, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => eReceiptRetryDelayMs(n, 30_000, 300_000))).toEqual([
      30_000, 60_000, 120_000, 240_000, 300_000, 300_000,
    ]);
  });

  it('puts the token under /r/ on the public address, and takes only long base64url tokens', () => {
    expect(receiptLink('https://pos.vi-du.vn/', 'abc')).toBe('https://pos.vi-du.vn/r/abc');
    expect(RECEIPT_TOKEN_PATTERN.test('A'.repeat(24))).toBe(true);
    expect(RECEIPT_TOKEN_PATTERN.test('A'.repeat(21))).toBe(false);
    expect(RECEIPT_TOKEN_PATTERN.test(`${'A'.repeat(22)}/..`)).toBe(false);
  });
});
