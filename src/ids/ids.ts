/**
 * Ids are born where the fact is born: on the register, offline. They sort by creation time
 * (48-bit millisecond timestamp first) and carry 80 random bits, so two registers never collide
 * and a replayed write reuses the same id instead of creating a duplicate.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U

/** A source of random bytes; the platform passes `crypto.getRandomValues` in. */
export type RandomBytes = (length: number) => Uint8Array;

export function timeOrderedId(prefix: string, nowMs: number, random: RandomBytes): string {
  if (!/^[a-z][a-z0-9-]*$/.test(prefix)) throw new Error(`Bad id prefix "${prefix}".`);
  if (!Number.isSafeInteger(nowMs) || nowMs < 0) throw new Error(`Bad id time ${nowMs}.`);
  let time = '';
  let remaining = nowMs;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[remaining % 32] + time;
    remaining = Math.floor(remaining / 32);
  }
  const bytes = random(10);
  let tail = '';
  for (let i = 0; i < 16; i++) {
    // 16 characters x 5 bits = the 80 random bits, read 5 at a time.
    const bit = i * 5;
    const byteIndex = Math.floor(bit / 8);
    const word = ((bytes[byteIndex] ?? 0) << 8) | (bytes[byteIndex + 1] ?? 0);
    tail += ALPHABET[(word >> (11 - (bit % 8))) & 31];
  }
  return `${prefix}_${time}${tail}`;
}

/** The creation time encoded in an id made by `timeOrderedId`. */
export function idTime(id: string): number {
  const body = id.slice(id.indexOf('_') + 1, id.indexOf('_') + 11);
  let time = 0;
  for (const char of body) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) throw new Error(`"${id}" is not a time-ordered id.`);
    time = time * 32 + value;
  }
  return time;
}
