/**
 * A TLV reader for EMVCo merchant-presented QR codes written for the tests from the format
 * itself (id, two-digit length, value), sharing nothing with src/payments: the builder's output
 * is checked by decoding it independently, not by re-running the builder's own code.
 */

export type Fields = Map<string, string>;

/** Splits text into its data objects; throws on a truncated or malformed object. */
export function readObjects(text: string): Fields {
  const fields: Fields = new Map();
  let at = 0;
  while (at < text.length) {
    const id = text.slice(at, at + 2);
    const lengthText = text.slice(at + 2, at + 4);
    if (!/^\d\d$/.test(id) || !/^\d\d$/.test(lengthText)) {
      throw new Error(`bad object header at ${at}: "${text.slice(at, at + 4)}"`);
    }
    const length = Number(lengthText);
    const value = text.slice(at + 4, at + 4 + length);
    if (value.length !== length) throw new Error(`object ${id} is cut short`);
    if (fields.has(id)) throw new Error(`object ${id} appears twice`);
    fields.set(id, value);
    at += 4 + length;
  }
  return fields;
}

/** The CRC the usual bitwise way: poly 0x1021, start 0xFFFF, MSB first, no final XOR. */
export function referenceCrc(text: string): string {
  let register = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    for (let bit = 7; bit >= 0; bit--) {
      const top = (register >> 15) & 1;
      const incoming = (byte >> bit) & 1;
      register = (register << 1) & 0xffff;
      if (top !== incoming) register ^= 0x1021;
    }
  }
  return register.toString(16).toUpperCase().padStart(4, '0');
}

export interface DecodedVietQr {
  root: Fields;
  merchant: Fields;
  beneficiary: Fields;
  additional: Fields;
  /** The CRC in the code equals the one recomputed over everything up to "6304". */
  crcOk: boolean;
}

export function decodeVietQr(payload: string): DecodedVietQr {
  const root = readObjects(payload);
  const ids = [...root.keys()];
  if (ids[ids.length - 1] !== '63') throw new Error('the CRC object is not last');
  const merchant = readObjects(root.get('38') ?? '');
  return {
    root,
    merchant,
    beneficiary: readObjects(merchant.get('01') ?? ''),
    additional: root.has('62') ? readObjects(root.get('62') ?? '') : new Map<string, string>(),
    crcOk: referenceCrc(payload.slice(0, -4)) === root.get('63'),
  };
}
