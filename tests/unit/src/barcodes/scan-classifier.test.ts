import { describe, expect, it } from 'vitest';
import {
  classifyScan,
  DEFAULT_BARCODE_LAYOUTS,
  GS,
  makeEan13,
  omnitillCodeText,
} from '../../../../src/barcodes';
import type { ScanContext, ScanResult, VariableMeasureLayout } from '../../../../src/barcodes';

const ID = '01HX5Z8Q3M4N6P7R8S9T0V1W2X';

const context: ScanContext = {
  today: '2025-06-15',
  currency: 'VND',
  layouts: {
    ...DEFAULT_BARCODE_LAYOUTS,
    // Cards in the store's own 2x range, which would otherwise read as in-store products.
    loyaltyCards: [{ pattern: '2990\\d{9}', checkDigit: 'gs1', label: 'Member card' }],
    giftCards: [{ pattern: '6039\\d{12}', checkDigit: 'luhn' }],
    staffBadges: [{ pattern: 'EMP-\\d{4}' }],
    coupons: [{ pattern: 'CPN[A-Z0-9]{6}' }],
  },
};

const classify = (raw: string, overrides: Partial<ScanContext> = {}): ScanResult =>
  classifyScan(raw, { ...context, ...overrides });

describe('products by GTIN', () => {
  const cases: [string, string, Partial<ScanResult>][] = [
    ['EAN-13', '4006381333931', { kind: 'product', format: 'ean-13', gtin14: '04006381333931' }],
    ['EAN-13 with CR/LF', '4006381333931\r\n', { kind: 'product', code: '4006381333931' }],
    [
      'EAN-13 with spaces and a tab',
      '  4006381333931\t',
      { kind: 'product', code: '4006381333931' },
    ],
    ['UPC-A', '036000291452', { kind: 'product', format: 'upc-a', gtin14: '00036000291452' }],
    ['UPC-E', '04252614', { kind: 'product', format: 'upc-e', gtin14: '00042100005264' }],
    ['EAN-8', '96385074', { kind: 'product', format: 'ean-8', gtin14: '00000096385074' }],
    ['GTIN-14', '19501101020914', { kind: 'product', format: 'gtin-14' }],
    [']E0 EAN-13', ']E04006381333931', { kind: 'product', format: 'ean-13' }],
    [']E0 UPC-A as 13 digits', ']E00036000291452', { kind: 'product', gtin14: '00036000291452' }],
    [']E0 UPC-E', ']E004252614', { kind: 'product', format: 'upc-e' }],
    [']E4 EAN-8', ']E496385074', { kind: 'product', format: 'ean-8' }],
    [']E3 EAN-13 with add-on', ']E3977123456700308', { kind: 'product', addOn: '08' }],
    [']I1 ITF-14', ']I119501101020914', { kind: 'product', format: 'gtin-14' }],
    ['in-store prefix 20 with no layout', makeEan13('200000012345'), { kind: 'product' }],
  ];
  it.each(cases)('%s', (_name, raw, expected) => {
    expect(classify(raw)).toMatchObject(expected);
  });

  it('keeps the raw scan and the AIM identifier on the result', () => {
    expect(classify(']E04006381333931\n')).toMatchObject({
      raw: ']E04006381333931',
      aim: { identifier: ']E0', symbology: 'ean-upc', gs1: false },
    });
  });
});

describe('invalid codes say why, never guess', () => {
  const cases: [string, string, string, string | RegExp][] = [
    [
      'EAN-13 bad check digit',
      '4006381333932',
      'check-digit',
      'EAN-13 4006381333932: check digit should be 1, not 2',
    ],
    ['UPC-A bad check digit', '036000291453', 'check-digit', /UPC-A 036000291453/],
    [']E4 EAN-8 bad check digit', ']E496385075', 'check-digit', /EAN-8 96385075/],
    [']E0 UPC-E bad check digit', ']E004252615', 'check-digit', /UPC-E 04252615/],
    ['10 digits: a partial read', '4006381333', 'length', /10 digits/],
    [']E0 with 11 digits', ']E040063813339', 'length', /11 digits do not fit \]E0/],
    [']E0 with letters', ']E0ABC', 'format', /not digits/],
    ['a bell character', '4006381333931\u0007', 'control-character', /U\+0007 at position 14/],
    ['a NUL inside', '40063\u000081333931', 'control-character', /U\+0000/],
    [
      'loyalty card, bad check digit',
      '2990000000001',
      'check-digit',
      /Loyalty card .* should be 2/,
    ],
    ['gift card, bad Luhn digit', '6039123412341235', 'check-digit', /Gift card/],
    ['OMNITILL code of an unknown type', 'OMNITILL:TICKET:abc', 'format', /TICKET/],
    ['OMNITILL order with a sale id', `OMNITILL:ORDER:sale_${ID}`, 'format', /not an order id/],
  ];
  it.each(cases)('%s', (_name, raw, reason, message) => {
    const result = classify(raw);
    expect(result).toMatchObject({ kind: 'invalid', reason });
    expect(result.kind === 'invalid' ? result.message : '').toMatch(message);
  });
});

describe('weighed and priced items', () => {
  it('reads prefix 21 as PLU + grams', () => {
    expect(classify(makeEan13('210123401250'))).toMatchObject({
      kind: 'variable-measure',
      prefix: '21',
      plu: '01234',
      measure: { type: 'weight', grams: 1250 },
    });
  });

  it('reads prefix 22 as PLU + price in đồng', () => {
    expect(classify(makeEan13('220042125000'))).toMatchObject({
      kind: 'variable-measure',
      plu: '0042',
      measure: { type: 'price', amount: 125000 },
    });
  });

  it('verifies the price check digit of a layout that has one', () => {
    const priced: VariableMeasureLayout = {
      prefix: '23',
      itemDigits: 5,
      valueDigits: 4,
      value: 'price',
      valueCheckDigit: true,
    };
    const overrides = { layouts: { ...context.layouts, variableMeasure: [priced] } };
    expect(classify(makeEan13('230004292875'), overrides)).toMatchObject({
      kind: 'variable-measure',
      measure: { type: 'price', amount: 2875 },
    });
    const wrong = makeEan13('230004232875');
    expect(classify(wrong, overrides)).toMatchObject({
      kind: 'invalid',
      reason: 'check-digit',
      message: `EAN-13 ${wrong}: price check digit should be 9, not 3`,
    });
  });

  it('checks the EAN-13 check digit before reading the weight', () => {
    expect(classify('2101234012500')).toMatchObject({ kind: 'invalid', reason: 'check-digit' });
  });
});

describe('GS1 element strings', () => {
  const gs1 = `01095011010209171726010110LOT7${GS}21SN1`;
  const cases: [string, string][] = [
    ['GS1-128 (]C1) with a GS separator', `]C1${gs1}`],
    ['GS1 DataMatrix (]d2)', `]d2${gs1}`],
    ['GS1 QR (]Q3)', `]Q3${gs1}`],
    ['no AIM identifier, FNC1 as GS', `${GS}${gs1}`],
    ['no AIM identifier, bare', gs1],
    ['human-readable', '(01)09501101020917(17)260101(10)LOT7(21)SN1'],
  ];
  it.each(cases)('%s', (_name, raw) => {
    expect(classify(raw)).toMatchObject({
      kind: 'gs1-product',
      gtin14: '09501101020917',
      attributes: { expiry: '2026-01-01', batch: 'LOT7', serial: 'SN1' },
      expired: false,
    });
  });

  it('reads weight and price of a variable-measure trade item', () => {
    // 3103: kg with 3 decimals (1.250 kg); 3922: price with 2 decimals (1,250.00 ₫).
    expect(classify(']C1019950110102091031030012503922125000')).toMatchObject({
      kind: 'gs1-product',
      gtin14: '99501101020910',
      attributes: { netWeightGrams: 1250, price: 1250 },
    });
    // 3102: 12.50 kg; 3105: 0.01234 kg rounds half-up to 12 g.
    expect(classify(']C101995011010209103102001250')).toMatchObject({
      attributes: { netWeightGrams: 12500 },
    });
    expect(classify(']C101995011010209103105001234')).toMatchObject({
      attributes: { netWeightGrams: 12 },
    });
  });

  it('flags an expired item; day 00 means the end of the month', () => {
    expect(classify('(01)09501101020917(17)250500')).toMatchObject({
      attributes: { expiry: '2025-05-31' },
      expired: true,
    });
    expect(classify('(01)09501101020917(17)250600')).toMatchObject({ expired: false });
  });

  it('refuses a price finer than the currency', () => {
    expect(classify(']C101095011010209173922125050')).toMatchObject({
      kind: 'invalid',
      reason: 'value',
      message: '(3922) PRICE 125050: 2 decimals, but VND has 0',
    });
    expect(classify(']C101095011010209173922125050', { currency: 'USD' })).toMatchObject({
      attributes: { price: 125050 },
    });
  });

  it('reads a GS1 DataBar (]e0) and a GS1 Digital Link', () => {
    expect(classify(']e00109501101020917')).toMatchObject({ kind: 'gs1-product' });
    expect(classify('https://id.gs1.org/01/09501101020917/10/LOT7?17=260101')).toMatchObject({
      kind: 'gs1-product',
      attributes: { batch: 'LOT7', expiry: '2026-01-01' },
    });
  });

  const failures: [string, string, string][] = [
    ['bad GTIN check digit', ']C10109501101020918', 'check-digit'],
    ['Feb 29 in a non-leap year', '(01)09501101020917(17)270229', 'date'],
    ['Feb 29 in a leap year is fine', '(01)09501101020917(17)280229', 'gs1-product'],
    ['month 13', ']d2010950110102091717251301', 'date'],
    ['a ]C1 scan that is not GS1 data', ']C1HELLO', 'unknown-ai'],
  ];
  it.each(failures)('%s', (_name, raw, outcome) => {
    const result = classify(raw);
    if (outcome === 'gs1-product') expect(result.kind).toBe('gs1-product');
    else expect(result).toMatchObject({ kind: 'invalid', reason: outcome });
  });

  it('reads a pallet label as a logistic unit', () => {
    expect(classify(']C1001061414123456789080209501101020917' + '3724')).toMatchObject({
      kind: 'logistic-unit',
      sscc: '106141412345678908',
      contentGtin14: '09501101020917',
      count: 24,
    });
  });

  it('says which GS1 data it does not use', () => {
    expect(classify(']C1414' + makeEan13('950110153000').slice(0, 13))).toMatchObject({
      kind: 'unknown',
      reason: 'unsupported',
    });
  });
});

describe('cards, badges, coupons, orders and receipts', () => {
  const cases: [string, string, Partial<ScanResult>][] = [
    [
      'loyalty card by pattern',
      '2990000000002',
      { kind: 'loyalty-card', cardNumber: '2990000000002' },
    ],
    ['loyalty card by pattern, sent as ]E0', ']E02990000000002', { kind: 'loyalty-card' }],
    [
      'loyalty card QR',
      'OMNITILL:LOYALTY:M123456',
      { kind: 'loyalty-card', cardNumber: 'M123456' },
    ],
    ['gift card by pattern (Luhn)', '6039123412341234', { kind: 'gift-card' }],
    ['gift card QR', 'OMNITILL:GIFTCARD:GC-778', { kind: 'gift-card', cardNumber: 'GC-778' }],
    ['staff badge by pattern', 'EMP-0042', { kind: 'staff-badge', badge: 'EMP-0042' }],
    ['staff badge QR', `OMNITILL:STAFF:staff_${ID}`, { kind: 'staff-badge', badge: `staff_${ID}` }],
    [
      'store coupon by pattern',
      'CPNAB12CD',
      { kind: 'coupon', code: 'CPNAB12CD', source: 'store' },
    ],
    [
      'coupon QR',
      'OMNITILL:COUPON:TET2026',
      { kind: 'coupon', code: 'TET2026', source: 'omnitill' },
    ],
    ['GS1 coupon, prefix 99', makeEan13('991234567890'), { kind: 'coupon', source: 'gs1' }],
    ['GS1 coupon, prefix 981', makeEan13('981234567890'), { kind: 'coupon', source: 'gs1' }],
    [
      'GS1 coupon number (255)',
      ']C1255' + makeEan13('950110153000'),
      { kind: 'coupon', source: 'gs1' },
    ],
    [
      'receipt barcode (Code 128)',
      `]C0sale_${ID}`,
      { kind: 'receipt', document: 'sale', id: `sale_${ID}` },
    ],
    [
      'receipt typed with caps lock on',
      `SALE_${ID.toLowerCase()}`,
      { kind: 'receipt', id: `sale_${ID}` },
    ],
    ['return receipt', `ret_${ID}`, { kind: 'receipt', document: 'return', id: `ret_${ID}` }],
    ['web order id', `ord_${ID}`, { kind: 'order', orderId: `ord_${ID}` }],
    ['order QR', omnitillCodeText('order', `ord_${ID}`), { kind: 'order', orderId: `ord_${ID}` }],
    ['order QR (]Q1)', `]Q1OMNITILL:ORDER:ord_${ID}`, { kind: 'order', orderId: `ord_${ID}` }],
    ['sale QR', `omnitill:sale:sale_${ID}`, { kind: 'receipt', id: `sale_${ID}` }],
    [
      'order link from the web shop',
      `https://shop.example.vn/account/orders/ord_${ID}?utm=mail`,
      { kind: 'order', orderId: `ord_${ID}` },
    ],
  ];
  it.each(cases)('%s', (_name, raw, expected) => {
    expect(classify(raw)).toMatchObject(expected);
  });

  it('makes no card out of a product when the store has no patterns', () => {
    expect(classify('2990000000002', { layouts: DEFAULT_BARCODE_LAYOUTS })).toMatchObject({
      kind: 'product',
    });
  });
});

describe('unknown scans', () => {
  const cases: [string, string, string][] = [
    ['empty', '', 'empty'],
    ['only CR/LF', '\r\n', 'empty'],
    ['only an AIM identifier', ']E0', 'empty'],
    ['free text', 'hello world', 'unrecognised'],
    ['a URL that is not ours', 'https://example.com/menu', 'unrecognised'],
    ['five digits', '12345', 'unrecognised'],
    ['an EAN add-on alone', ']E212345', 'unsupported'],
  ];
  it.each(cases)('%s', (_name, raw, reason) => {
    expect(classify(raw)).toMatchObject({ kind: 'unknown', reason });
  });

  it('refuses a context whose today is not a date', () => {
    expect(() => classify('4006381333931', { today: '15/06/2025' })).toThrow(/yyyy-mm-dd/);
  });
});
