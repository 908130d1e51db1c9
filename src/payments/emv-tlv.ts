/**
 * EMVCo merchant-presented QR data objects: each is a two-digit id, a two-digit length and the
 * value (at most 99 characters), and the code ends with the CRC object "63", four hex digits of
 * CRC-16/CCITT-FALSE over everything before them, "6304" included.
 */

export class VietQrError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'VietQrError';
  }
}

/** One data object, `id` + length + value. Lengths count characters; values are ASCII here. */
export function dataObject(id: string, value: string): string {
  if (!/^\d{2}$/.test(id))
    throw new VietQrError(id, `A data object id is two digits, not "${id}".`);
  if (value.length === 0 || value.length > 99) {
    throw new VietQrError(
      id,
      `Data object ${id} must hold 1 to 99 characters, not ${value.length}.`,
    );
  }
  return id + String(value.length).padStart(2, '0') + value;
}

/**
 * CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR), the check
 * EMVCo QR codes carry. Its catalogue check value is 0x29B1 for "123456789".
 */
export function crc16CcittFalse(text: string): number {
  let crc = 0xffff;
  for (let i = 0; i < text.length; i++) {
    crc ^= (text.charCodeAt(i) & 0xff) << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc;
}

/** The code with its CRC object appended: `body` + "6304" + four uppercase hex digits. */
export function withCrc(body: string): string {
  const covered = `${body}6304`;
  return covered + crc16CcittFalse(covered).toString(16).toUpperCase().padStart(4, '0');
}
