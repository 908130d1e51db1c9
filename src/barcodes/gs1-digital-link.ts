/**
 * GS1 Digital Link URIs (https://id.gs1.org/01/09506000134352/10/ABC?17=260101): the QR codes
 * replacing EAN-13s on packs. Only the element pairs are read here; they are then checked like
 * any other GS1 element string. No resolver is contacted: the core does no I/O.
 */
import { APPLICATION_IDENTIFIERS } from './application-identifiers';

/** Short names the Digital Link standard allows in place of the numeric AI. */
const ALIASES: Readonly<Record<string, string>> = {
  gtin: '01',
  cpv: '22',
  lot: '10',
  ser: '21',
  sscc: '00',
  gln: '414',
};

const DIGITAL_LINK = /^https?:\/\/[^/\s?#]+(\/[^?#\s]*)(?:\?([^#\s]*))?(?:#\S*)?$/i;

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null; // malformed percent-encoding: not a readable link
  }
}

function toAi(key: string): string | null {
  if (/^\d{2,4}$/.test(key)) return key;
  return ALIASES[key.toLowerCase()] ?? null;
}

/**
 * The (AI, value) pairs of a Digital Link URI, or null when the text is not one (no "/01/" or
 * "/00/" primary key in the path). Path values are URI-decoded; a GTIN-8, -12 or -13 is padded
 * to 14 digits as the standard allows.
 */
export function parseDigitalLink(text: string): [string, string][] | null {
  const match = DIGITAL_LINK.exec(text);
  const path = match?.[1];
  if (path === undefined) return null;
  const segments = path.split('/').filter((segment) => segment !== '');
  // The primary key must look like one, so an ordinary URL with "/01/" in it is not taken.
  const start = segments.findIndex((segment, index) => {
    const ai = toAi(segment);
    const next = segments[index + 1] ?? '';
    return (ai === '01' && /^\d{8,14}$/.test(next)) || (ai === '00' && /^\d{18}$/.test(next));
  });
  if (start === -1) return null;
  const pairs: [string, string][] = [];
  for (let index = start; index + 1 < segments.length; index += 2) {
    const ai = toAi(segments[index] ?? '');
    const value = decode(segments[index + 1] ?? '');
    if (ai === null || value === null) return null;
    pairs.push([ai, ai === '01' && /^\d{8,13}$/.test(value) ? value.padStart(14, '0') : value]);
  }
  for (const parameter of (match?.[2] ?? '').split('&')) {
    const [key = '', rawValue = ''] = parameter.split('=');
    const ai = toAi(key);
    const value = decode(rawValue);
    // Query attributes we do not read are skipped, as the standard asks of unknown parameters.
    if (ai !== null && value !== null && APPLICATION_IDENTIFIERS.has(ai)) pairs.push([ai, value]);
  }
  return pairs;
}
