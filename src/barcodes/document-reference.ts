/**
 * Omnitill's own codes: receipts carry the sale id as a Code 128 (`sale_01HX...`), and QR codes
 * on receipts, order e-mails and the loyalty app carry `OMNITILL:<TYPE>:<value>`, e.g.
 * `OMNITILL:ORDER:ord_01HX...`. A URL whose last path segment is an order, sale or return id
 * (the web shop's "your order" link) is read too, so the customer can show either.
 */

export type DocumentKind = 'order' | 'sale' | 'return';

export interface DocumentReference {
  document: DocumentKind;
  id: string;
}

const DOCUMENT_BY_PREFIX: Readonly<Record<string, DocumentKind>> = {
  ord: 'order',
  sale: 'sale',
  ret: 'return',
};

const DOCUMENT_ID = /^(sale|ord|ret)_([0-9A-Za-z_.-]+)$/i;
/** The body of a `timeOrderedId`: 26 Crockford base32 characters. */
const TIME_ORDERED_BODY = /^[0-9A-HJKMNP-TV-Z]{26}$/i;

/**
 * Reads a sale, order or return id. A keyboard-wedge scanner with caps lock on swaps the case of
 * every letter, so the prefix is lower-cased and a time-ordered body upper-cased back.
 */
export function parseDocumentId(text: string): DocumentReference | null {
  const match = DOCUMENT_ID.exec(text);
  const prefix = match?.[1]?.toLowerCase();
  const body = match?.[2];
  if (prefix === undefined || body === undefined) return null;
  const document = DOCUMENT_BY_PREFIX[prefix];
  if (document === undefined) return null;
  const normalisedBody = TIME_ORDERED_BODY.test(body) ? body.toUpperCase() : body;
  return { document, id: `${prefix}_${normalisedBody}` };
}

const URL_WITH_DOCUMENT_ID = /^https?:\/\/[^/\s?#]+\/(?:[^?#\s]*\/)?([^/?#\s]+)\/?(?:[?#]\S*)?$/i;

/** A document reference at the end of a URL path, e.g. https://shop.example.vn/orders/ord_01HX... */
export function parseDocumentUrl(text: string): DocumentReference | null {
  const segment = URL_WITH_DOCUMENT_ID.exec(text)?.[1];
  return segment === undefined ? null : parseDocumentId(segment);
}

export type OmnitillCodeType =
  'order' | 'sale' | 'return' | 'coupon' | 'gift-card' | 'loyalty-card' | 'staff-badge';

const TAG_BY_TYPE: Readonly<Record<OmnitillCodeType, string>> = {
  order: 'ORDER',
  sale: 'SALE',
  return: 'RETURN',
  coupon: 'COUPON',
  'gift-card': 'GIFTCARD',
  'loyalty-card': 'LOYALTY',
  'staff-badge': 'STAFF',
};

const TYPE_BY_TAG: ReadonlyMap<string, OmnitillCodeType> = new Map(
  Object.entries(TAG_BY_TYPE).map(([type, tag]) => [tag, type as OmnitillCodeType]),
);

const ARTICLE: Readonly<Record<DocumentKind, string>> = { order: 'an', sale: 'a', return: 'a' };

export type OmnitillCode =
  { ok: true; type: OmnitillCodeType; value: string } | { ok: false; message: string };

const OMNITILL_TEXT = /^OMNITILL:([A-Z-]+):(.*)$/i;
const CODE_VALUE = /^[0-9A-Za-z_.-]{1,128}$/;

/** The QR text for one of our codes. Values are ids or card numbers: no spaces, no colons. */
export function omnitillCodeText(type: OmnitillCodeType, value: string): string {
  if (!CODE_VALUE.test(value)) throw new Error(`"${value}" cannot go in an OMNITILL code.`);
  return `OMNITILL:${TAG_BY_TYPE[type]}:${value}`;
}

/** Reads `OMNITILL:<TYPE>:<value>`; null when the text is not in that form at all. */
export function parseOmnitillCode(text: string): OmnitillCode | null {
  const match = OMNITILL_TEXT.exec(text);
  const tag = match?.[1]?.toUpperCase();
  const value = match?.[2];
  if (tag === undefined || value === undefined) return null;
  const type = TYPE_BY_TAG.get(tag);
  if (type === undefined) return { ok: false, message: `OMNITILL code type "${tag}" is unknown` };
  if (!CODE_VALUE.test(value)) {
    return { ok: false, message: `OMNITILL ${tag} code "${value}" is not a valid value` };
  }
  if (type === 'order' || type === 'sale' || type === 'return') {
    const reference = parseDocumentId(value);
    if (reference?.document !== type) {
      return {
        ok: false,
        message: `OMNITILL ${tag} code "${value}" is not ${ARTICLE[type]} ${type} id`,
      };
    }
    return { ok: true, type, value: reference.id };
  }
  return { ok: true, type, value };
}
