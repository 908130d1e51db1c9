import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  asciiTransferText,
  buildVietQrPayload,
  crc16CcittFalse,
  isPaymentReference,
  MAX_PURPOSE_LENGTH,
  MAX_VIETQR_AMOUNT,
  newPaymentReference,
  REFERENCE_ALPHABET,
  referencesIn,
  VietQrError,
} from '../../../src/payments';
import { decodeVietQr, referenceCrc } from './emv-reader';

/** Deterministic "random" bytes for references in tests. */
function bytesFrom(seed: number) {
  let state = seed >>> 0 || 1;
  return (length: number) =>
    Uint8Array.from({ length }, () => {
      state = (state * 1103515245 + 12345) >>> 0;
      return state >>> 24;
    });
}

const base = {
  bankBin: '970436',
  accountNumber: '0011000123456',
  amount: 125_000,
  reference: 'HD000123',
};

describe('CRC-16/CCITT-FALSE', () => {
  it('gives the catalogue check value 29B1 for "123456789"', () => {
    expect(crc16CcittFalse('123456789')).toBe(0x29b1);
    expect(referenceCrc('123456789')).toBe('29B1');
  });

  it.each([
    // NAPAS IBFT sample as decoded in the vietnam-qr-pay README (BIN 970416, 1,000 VND, "Chuyen tien").
    '00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA5303704540410005802VN62150811Chuyen tien6304BBB8',
    // liopay/vietqr-php README: a static merchant QR (BIN 970403).
    '00020101021138480010A00000072701300006970403011621129950446040255204581253037045802VN5910PHUONG CAC6005HANOI62110307NPS686963045802',
    // thanhtinhpas1/vietqr-parser README: Vietcombank 970436, account only.
    '00020001021238570010A00000072701270006970436011308810004580860208QRIBFTTA53037045802VN6304CD60',
  ])('recomputes the check of a published VietQR code: %s', (published) => {
    const body = published.slice(0, -4);
    expect(crc16CcittFalse(body).toString(16).toUpperCase().padStart(4, '0')).toBe(
      published.slice(-4),
    );
    expect(decodeVietQr(published).crcOk).toBe(true);
  });
});

describe('the dynamic VietQR payload', () => {
  it('decodes field by field with an independent reader', () => {
    const payload = buildVietQrPayload({
      ...base,
      reference: 'OT7KQ2M9XA',
      note: 'Omnitill Quận 1',
    });
    const { root, merchant, beneficiary, additional, crcOk } = decodeVietQr(payload);
    expect([...root.keys()]).toEqual(['00', '01', '38', '53', '54', '58', '62', '63']);
    expect(root.get('00')).toBe('01');
    expect(root.get('01')).toBe('12');
    expect(merchant.get('00')).toBe('A000000727');
    expect(beneficiary.get('00')).toBe('970436');
    expect(beneficiary.get('01')).toBe('0011000123456');
    expect(merchant.get('02')).toBe('QRIBFTTA');
    expect(root.get('53')).toBe('704');
    expect(root.get('54')).toBe('125000');
    expect(root.get('58')).toBe('VN');
    expect(additional.get('01')).toBe('OT7KQ2M9XA');
    // 26 characters would not fit: cut at the last word, the reference kept whole.
    expect(additional.get('08')).toBe('OT7KQ2M9XA Omnitill Quan');
    expect(root.get('63')).toMatch(/^[0-9A-F]{4}$/);
    expect(crcOk).toBe(true);
  });

  it('pins the payload of the admin command example', () => {
    expect(buildVietQrPayload(base)).toBe(
      '00020101021238570010A00000072701270006970436011300110001234560208QRIBFTTA' +
        '5303704540612500058' +
        '02VN62240108HD0001230808HD000123' +
        `6304${referenceCrc('00020101021238570010A00000072701270006970436011300110001234560208QRIBFTTA530370454061250005802VN62240108HD0001230808HD0001236304')}`,
    );
  });

  it('uses QRIBFTTC for a card number', () => {
    const payload = buildVietQrPayload({
      ...base,
      accountNumber: '9704361234567890',
      toCard: true,
    });
    const { merchant, beneficiary } = decodeVietQr(payload);
    expect(merchant.get('02')).toBe('QRIBFTTC');
    expect(beneficiary.get('01')).toBe('9704361234567890');
  });

  it('keeps the purpose ASCII and within 25 characters, the reference whole', () => {
    const payload = buildVietQrPayload({
      ...base,
      reference: 'OT7KQ2M9XA',
      note: 'Cửa hàng Đồng Khởi — thanh toán hóa đơn số 123',
    });
    const purpose = decodeVietQr(payload).additional.get('08') ?? '';
    expect(purpose.length).toBeLessThanOrEqual(MAX_PURPOSE_LENGTH);
    expect(purpose).toMatch(/^[\x20-\x7e]+$/);
    expect(purpose.startsWith('OT7KQ2M9XA Cua hang Dong')).toBe(true);
  });

  it.each([
    [{ bankBin: '97043' }, 'bankBin'],
    [{ bankBin: '97043X' }, 'bankBin'],
    [{ accountNumber: '0011 000 123' }, 'accountNumber'],
    [{ accountNumber: '12345' }, 'accountNumber'],
    [{ accountNumber: '1'.repeat(20) }, 'accountNumber'],
    [{ accountNumber: '970436123456', toCard: true }, 'accountNumber'],
    [{ amount: 0 }, 'amount'],
    [{ amount: -5 }, 'amount'],
    [{ amount: 1250.5 }, 'amount'],
    [{ amount: MAX_VIETQR_AMOUNT + 1 }, 'amount'],
    [{ reference: 'hd-1' }, 'reference'],
  ])('refuses %o, naming %s', (change, field) => {
    const attempt = () => buildVietQrPayload({ ...base, ...change });
    expect(attempt).toThrow(VietQrError);
    try {
      attempt();
    } catch (error) {
      expect((error as VietQrError).field).toBe(field);
      expect((error as VietQrError).message.length).toBeGreaterThan(20);
    }
  });

  it('always decodes back: random amounts, accounts, references and notes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_VIETQR_AMOUNT }),
        fc.stringMatching(/^\d{6}$/),
        fc.stringMatching(/^\d{6,19}$/),
        fc.integer(),
        fc.string({ maxLength: 60 }),
        (amount, bankBin, accountNumber, seed, note) => {
          const reference = newPaymentReference(bytesFrom(seed));
          const payload = buildVietQrPayload({ bankBin, accountNumber, amount, reference, note });
          const decoded = decodeVietQr(payload);
          expect(decoded.crcOk).toBe(true);
          expect(decoded.root.get('54')).toBe(String(amount));
          expect(decoded.beneficiary.get('00')).toBe(bankBin);
          expect(decoded.beneficiary.get('01')).toBe(accountNumber);
          const purpose = decoded.additional.get('08') ?? '';
          expect(purpose.length).toBeLessThanOrEqual(MAX_PURPOSE_LENGTH);
          expect(purpose).toMatch(/^[\x20-\x7e]+$/);
          expect(referencesIn(purpose)).toEqual([reference]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('transfer text', () => {
  it.each([
    ['Cà phê sữa đá', 'Ca phe sua da'],
    ['ĐẶNG Thị Ánh Tuyết', 'DANG Thi Anh Tuyet'],
    ['Hòa Lộc — xoài', 'Hoa Loc xoai'],
    ['  nhiều   khoảng  trắng ', 'nhieu khoang trang'],
    ['Nguyễn Đức Hưng 😀', 'Nguyen Duc Hung'],
  ])('%s → %s', (text, ascii) => {
    expect(asciiTransferText(text)).toBe(ascii);
  });
});

describe('payment references', () => {
  it('are OT and eight unambiguous characters', () => {
    for (let seed = 1; seed < 200; seed++) {
      const reference = newPaymentReference(bytesFrom(seed));
      expect(reference).toMatch(/^OT[2-9A-HJKMNP-TV-Z]{8}$/);
      expect(isPaymentReference(reference)).toBe(true);
    }
    expect(REFERENCE_ALPHABET).not.toMatch(/[01ILOU]/);
  });

  it('are found again in text a bank rewrote', () => {
    expect(referencesIn('MBVCB.3278907687.ot7kq2-m9xa Omnitill.CT tu 0011')).toEqual([
      'OT7KQ2M9XA',
    ]);
    expect(referencesIn('HOTOT7KQ2M9XA')).toEqual(['OT7KQ2M9XA']);
    expect(referencesIn('chuyen tien an trua')).toEqual([]);
  });
});
