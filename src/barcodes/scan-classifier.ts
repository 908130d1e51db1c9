/**
 * Every scan becomes one typed value (STYLE.md habit 7), decided here and nowhere else. The
 * order of the checks is the policy:
 *   1. AIM says GS1 (]C1, ]d2, ]Q3, ]e0...): a GS1 element string, nothing else.
 *   2. Our own codes: OMNITILL:<TYPE>:<value> QR text, sale/order/return ids.
 *   3. The store's patterns (staff badge, gift card, loyalty card, coupon), before any product
 *      reading, because stores print their cards in the same 2x prefix range as weighed goods.
 *   4. EAN/UPC (by AIM identifier or by length), with in-store variable-measure layouts and GS1
 *      coupon prefixes; GS1 Digital Link URLs; GS1 element strings without an AIM identifier.
 * A code that is recognisably one thing but fails its checks is `invalid`, with the reason;
 * text that is nothing we read is `unknown`. Pure: no catalog, no clock, no I/O.
 */
import type { AimSymbology } from './aim-symbology';
import { BarcodeError, isDigits } from './check-digit';
import { matchCodePattern } from './code-pattern';
import type { CodePattern } from '../documents/parts/barcode-layouts';
import { parseDocumentId, parseDocumentUrl, parseOmnitillCode } from './document-reference';
import type { DocumentReference } from './document-reference';
import { classifyGs1Elements } from './gs1-attributes';
import { isIsoDate } from './gs1-date';
import { parseDigitalLink } from './gs1-digital-link';
import {
  GS,
  gs1ElementsFromPairs,
  isHumanReadableGs1,
  parseGs1ElementString,
} from './gs1-element-string';
import type { Gs1Parse } from './gs1-element-string';
import { checkGtin, detectGtin } from './gtin';
import type { GtinFormat } from './gtin';
import { readScanInput } from './scan-input';
import type { InvalidReason, ScanContext, ScanResult, UnknownReason } from './scan-result';
import { findVariableMeasureLayout, parseVariableMeasure } from './variable-measure';

interface Base {
  raw: string;
  aim: AimSymbology | null;
}

function invalid(base: Base, reason: InvalidReason, message: string): ScanResult {
  return { ...base, kind: 'invalid', reason, message };
}

function unknown(base: Base, reason: UnknownReason, message: string): ScanResult {
  return { ...base, kind: 'unknown', reason, message };
}

/** Long junk (a paragraph scanned from a QR) is cut in messages so they fit the screen. */
function quote(data: string): string {
  const printable = data.replaceAll(GS, '<GS>');
  return printable.length > 60 ? `"${printable.slice(0, 57)}..."` : `"${printable}"`;
}

function fromDocument(base: Base, reference: DocumentReference): ScanResult {
  if (reference.document === 'order') return { ...base, kind: 'order', orderId: reference.id };
  return { ...base, kind: 'receipt', document: reference.document, id: reference.id };
}

function fromGs1Parse(base: Base, parse: Gs1Parse, context: ScanContext): ScanResult {
  if (!parse.ok) return invalid(base, parse.reason, parse.message);
  const { elements } = parse;
  const found = classifyGs1Elements(elements, context.currency, context.today);
  switch (found.kind) {
    case 'gs1-product':
    case 'logistic-unit':
      return { ...base, ...found, elements };
    case 'coupon':
      return { ...base, kind: 'coupon', code: found.code, source: 'gs1' };
    case 'invalid':
      return invalid(base, 'value', found.message);
    case 'unsupported':
      return unknown(base, 'unsupported', found.message);
  }
}

/** Our QR texts, our document ids and the store's patterns; null when the data is none of them. */
function classifyOwnCode(base: Base, data: string, context: ScanContext): ScanResult | null {
  const own = parseOmnitillCode(data);
  if (own) {
    if (!own.ok) return invalid(base, 'format', own.message);
    switch (own.type) {
      case 'order':
      case 'sale':
      case 'return':
        return fromDocument(base, { document: own.type, id: own.value });
      case 'coupon':
        return { ...base, kind: 'coupon', code: own.value, source: 'omnitill' };
      case 'gift-card':
        return { ...base, kind: 'gift-card', cardNumber: own.value };
      case 'loyalty-card':
        return { ...base, kind: 'loyalty-card', cardNumber: own.value };
      case 'staff-badge':
        return { ...base, kind: 'staff-badge', badge: own.value };
    }
  }
  const reference = parseDocumentId(data);
  if (reference) return fromDocument(base, reference);

  const { layouts } = context;
  const groups: [readonly CodePattern[], string, (code: string) => ScanResult][] = [
    [layouts.staffBadges, 'Staff badge', (code) => ({ ...base, kind: 'staff-badge', badge: code })],
    [layouts.giftCards, 'Gift card', (code) => ({ ...base, kind: 'gift-card', cardNumber: code })],
    [
      layouts.loyaltyCards,
      'Loyalty card',
      (code) => ({ ...base, kind: 'loyalty-card', cardNumber: code }),
    ],
    [layouts.coupons, 'Coupon', (code) => ({ ...base, kind: 'coupon', code, source: 'store' })],
  ];
  for (const [patterns, what, make] of groups) {
    for (const pattern of patterns) {
      const match = matchCodePattern(data, pattern, what);
      if (!match.matched) continue;
      return match.ok ? make(data) : invalid(base, 'check-digit', match.message);
    }
  }
  return null;
}

/** GS1 coupon numbers: EAN-13 prefixes 99 and 981-984 (GS1 prefix list). */
function isGs1CouponPrefix(ean13: string): boolean {
  return ean13.startsWith('99') || /^98[1-4]/.test(ean13);
}

function classifyGtin(
  base: Base,
  code: string,
  format: GtinFormat | undefined,
  context: ScanContext,
  addOn?: string,
): ScanResult {
  const checked = format === undefined ? detectGtin(code) : checkGtin(code, format);
  if (!checked.ok) return invalid(base, checked.reason, checked.message);
  // EAN-13 and UPC-A (as 13 digits, "0" first) may be in-store or coupon numbers.
  if (checked.format === 'ean-13' || checked.format === 'upc-a') {
    const ean13 = checked.gtin14.slice(1);
    const layout = findVariableMeasureLayout(ean13, context.layouts.variableMeasure);
    if (layout) {
      const measured = parseVariableMeasure(ean13, layout);
      if (!measured.ok) return invalid(base, measured.reason, measured.message);
      const { prefix, plu, measure } = measured;
      return { ...base, kind: 'variable-measure', code, prefix, plu, measure };
    }
    if (isGs1CouponPrefix(ean13)) return { ...base, kind: 'coupon', code, source: 'gs1' };
  }
  return {
    ...base,
    kind: 'product',
    format: checked.format,
    code,
    gtin14: checked.gtin14,
    ...(addOn !== undefined ? { addOn } : {}),
  };
}

/** Data from an EAN/UPC symbol, told apart by the AIM modifier (]E0 to ]E4). */
function classifyEanUpc(
  base: Base,
  data: string,
  modifier: string,
  context: ScanContext,
): ScanResult {
  if (!isDigits(data)) return invalid(base, 'format', `EAN/UPC data ${quote(data)} is not digits`);
  switch (modifier) {
    case '0':
      if (data.length === 8) return classifyGtin(base, data, 'upc-e', context);
      if (data.length === 12 || data.length === 13) {
        return classifyGtin(base, data, undefined, context);
      }
      break;
    case '4':
      return classifyGtin(base, data, 'ean-8', context);
    case '3':
      // EAN-13 (or UPC as 13 digits) followed by its 2- or 5-digit add-on.
      if (data.length === 15 || data.length === 18) {
        return classifyGtin(base, data.slice(0, 13), 'ean-13', context, data.slice(13));
      }
      break;
    case '1':
    case '2':
      return unknown(base, 'unsupported', `An EAN add-on alone (${data}) identifies no item`);
  }
  return invalid(
    base,
    'length',
    `EAN/UPC ${data}: ${data.length} digits do not fit ${base.aim?.identifier ?? 'EAN/UPC'}`,
  );
}

/** All-digit data with no AIM identifier to say what it is. */
function classifyDigits(base: Base, data: string, context: ScanContext): ScanResult {
  if ([8, 12, 13, 14].includes(data.length)) return classifyGtin(base, data, undefined, context);
  if (data.length >= 6 && data.length <= 11) {
    // Too short for a GTIN yet product-like: most likely a partial read, so say so.
    return invalid(
      base,
      'length',
      `${data}: ${data.length} digits; EAN-8, UPC-E, UPC-A, EAN-13 and GTIN-14 have 8, 12, 13 or 14`,
    );
  }
  return unknown(base, 'unrecognised', `${data.length} digits that are no code we read`);
}

/** SSCC or GTIN first, longer than a GTIN: a GS1 element string whose FNC1 the scanner dropped. */
const BARE_ELEMENT_STRING = /^(00\d{18}|0[12]\d{14})/;

/**
 * Turns one raw scan into a typed value. `context.today` (yyyy-mm-dd) places GS1 two-digit
 * years and flags expired goods; the layouts say how the store's own codes look.
 */
export function classifyScan(raw: string, context: ScanContext): ScanResult {
  if (!isIsoDate(context.today)) {
    throw new BarcodeError(`ScanContext.today "${context.today}" is not a yyyy-mm-dd date.`);
  }
  const input = readScanInput(raw);
  if (!input.ok) {
    const base = { raw: input.text, aim: null };
    return input.reason === 'empty'
      ? unknown(base, 'empty', input.message)
      : invalid(base, 'control-character', input.message);
  }
  const { data, aim } = input;
  const base: Base = { raw: input.text, aim };
  const elementString = () =>
    fromGs1Parse(base, parseGs1ElementString(data, context.today), context);

  if (aim?.gs1) return elementString();
  const own = classifyOwnCode(base, data, context);
  if (own) return own;
  if (aim?.symbology === 'ean-upc') return classifyEanUpc(base, data, aim.modifier, context);
  if (aim?.symbology === 'itf' && isDigits(data) && data.length === 14) {
    return classifyGtin(base, data, 'gtin-14', context);
  }
  const link = parseDigitalLink(data);
  if (link) return fromGs1Parse(base, gs1ElementsFromPairs(link, context.today), context);
  const linkedDocument = parseDocumentUrl(data);
  if (linkedDocument) return fromDocument(base, linkedDocument);
  if (isHumanReadableGs1(data) || data.includes(GS)) return elementString();
  if (data.length > 14 && BARE_ELEMENT_STRING.test(data)) return elementString();
  if (isDigits(data)) return classifyDigits(base, data, context);
  return unknown(base, 'unrecognised', `${quote(data)} is no code we read`);
}
