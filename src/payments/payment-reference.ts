/**
 * The short reference a VietQR payment carries in its transfer text, so the bank's notification
 * can be matched to the sale waiting for it. Customers never type it (the QR carries it), but a
 * supervisor may read it off a banking app, and some banks rewrite transfer text (uppercase,
 * spaces dropped): so it is uppercase, has no letters that look like digits, and is found again
 * in text that has lost its spaces.
 */
import type { RandomBytes } from '../ids/ids';

/** Digits 2–9 and the letters without I, L, O, U: nothing to read as 0, 1 or another letter. */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const REFERENCE_PREFIX = 'OT';
/** 30^8 ≈ 6.6 × 10^11 references: a collision among a day's open payments is negligible. */
export const REFERENCE_BODY_LENGTH = 8;

const REFERENCE = new RegExp(
  `^${REFERENCE_PREFIX}[${REFERENCE_ALPHABET}]{${REFERENCE_BODY_LENGTH}}$`,
);
const IN_TEXT = new RegExp(
  `${REFERENCE_PREFIX}[${REFERENCE_ALPHABET}]{${REFERENCE_BODY_LENGTH}}`,
  'g',
);

/** A new reference, e.g. `OT7KQ2M9XA`. Bytes are drawn until each falls evenly on the alphabet. */
export function newPaymentReference(random: RandomBytes): string {
  const limit = 256 - (256 % REFERENCE_ALPHABET.length);
  let body = '';
  while (body.length < REFERENCE_BODY_LENGTH) {
    for (const byte of random(REFERENCE_BODY_LENGTH * 2)) {
      if (byte >= limit) continue;
      body += REFERENCE_ALPHABET[byte % REFERENCE_ALPHABET.length];
      if (body.length === REFERENCE_BODY_LENGTH) break;
    }
  }
  return REFERENCE_PREFIX + body;
}

export function isPaymentReference(text: string): boolean {
  return REFERENCE.test(text);
}

/**
 * Every reference found in a transfer's text, in order, however the bank wrote it: lower case,
 * with spaces, dots or dashes inside (`ot 7kq2-m9xa`), or run together with other words.
 */
export function referencesIn(text: string): string[] {
  const squeezed = text.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return [...new Set(squeezed.match(IN_TEXT) ?? [])];
}
