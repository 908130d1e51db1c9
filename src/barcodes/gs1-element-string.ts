/**
 * GS1 element strings: the data of GS1-128, GS1 DataMatrix, GS1 QR Code and GS1 DataBar, in the
 * transmitted form (AIs run together, variable-length fields ended by GS, the FNC1 a scanner sends
 * as ASCII 29) or the human-readable form "(01)09501101020917(17)260101". Every value is
 * checked against its AI: character set, length, check digit, real calendar date.
 */
import {
  applicationIdentifierAt,
  APPLICATION_IDENTIFIERS,
  CHARACTER_SET_82,
} from './application-identifiers';
import type { ApplicationIdentifier } from './application-identifiers';
import { gs1CheckDigit, hasValidGs1CheckDigit } from './check-digit';
import { parseGs1Date } from './gs1-date';

/** FNC1 as scanners transmit it: the ASCII group separator. */
export const GS = '\u001d';

export interface Gs1Element {
  ai: string;
  title: string;
  /** The value exactly as encoded (no implied decimal point inserted). */
  value: string;
  /** For date AIs: the ISO date, DD = 00 resolved to the last day of the month. */
  date?: string;
  /** For decimal AIs (310n, 392n...): how many of the value's digits are decimals. */
  decimals?: number;
}

export type Gs1Problem = 'check-digit' | 'date' | 'length' | 'format' | 'unknown-ai' | 'structure';

export type Gs1Parse =
  { ok: true; elements: Gs1Element[] } | { ok: false; reason: Gs1Problem; message: string };

type Gs1Failure = Extract<Gs1Parse, { ok: false }>;

function failure(reason: Gs1Problem, message: string): Gs1Failure {
  return { ok: false, reason, message };
}

function label(definition: ApplicationIdentifier): string {
  return `(${definition.ai}) ${definition.title}`;
}

/** Checks one value against its AI and types it. */
export function checkGs1Element(
  definition: ApplicationIdentifier,
  value: string,
  today: string,
): Gs1Element | Gs1Failure {
  const name = label(definition);
  const { minLength, maxLength } = definition;
  if (value.length < minLength || value.length > maxLength) {
    const expected = minLength === maxLength ? `${maxLength}` : `${minLength} to ${maxLength}`;
    return failure(
      'length',
      `${name} "${value}": ${value.length} characters, expected ${expected}`,
    );
  }
  const charsetOk = definition.charset === 'N' ? /^\d+$/.test(value) : CHARACTER_SET_82.test(value);
  if (!charsetOk) {
    const what = definition.charset === 'N' ? 'digits only' : 'GS1 character set 82 only';
    return failure('format', `${name} "${value}": ${what}`);
  }
  const element: Gs1Element = { ai: definition.ai, title: definition.title, value };
  switch (definition.kind) {
    case 'gtin':
    case 'sscc':
    case 'gln':
    case 'gcn': {
      // A GCN carries its check digit at position 13, before the optional serial component.
      const key = definition.kind === 'gcn' ? value.slice(0, 13) : value;
      if (!hasValidGs1CheckDigit(key)) {
        const expected = gs1CheckDigit(key.slice(0, -1));
        return failure(
          'check-digit',
          `${name} ${key}: check digit should be ${expected}, not ${key.slice(-1)}`,
        );
      }
      return element;
    }
    case 'date': {
      const date = parseGs1Date(value, today, true);
      if (!date.ok) return failure('date', `${name} ${date.message}`);
      return { ...element, date: date.iso };
    }
    case 'decimal':
    case 'price-iso':
      return { ...element, decimals: definition.decimals ?? 0 };
    case 'count':
    case 'numeric':
    case 'text':
      return element;
  }
}

/** Checks (AI, value) pairs and rejects an AI given twice with different values. */
export function gs1ElementsFromPairs(
  pairs: readonly (readonly [string, string])[],
  today: string,
): Gs1Parse {
  const elements: Gs1Element[] = [];
  for (const [ai, value] of pairs) {
    const definition = APPLICATION_IDENTIFIERS.get(ai);
    if (!definition)
      return failure('unknown-ai', `(${ai}) is not an Application Identifier we read`);
    const element = checkGs1Element(definition, value, today);
    if ('ok' in element) return element;
    const earlier = elements.find((existing) => existing.ai === ai);
    if (earlier && earlier.value !== value) {
      return failure('structure', `(${ai}) appears twice: "${earlier.value}" and "${value}"`);
    }
    if (!earlier) elements.push(element);
  }
  if (elements.length === 0) return failure('structure', 'No GS1 element in the data');
  return { ok: true, elements };
}

/** Splits the transmitted form (AIs run together, GS after variable-length fields). */
function splitTransmitted(text: string): [string, string][] | Gs1Failure {
  const pairs: [string, string][] = [];
  let at = 0;
  while (at < text.length) {
    if (text[at] === GS) {
      at++; // FNC1 in first position, a separator, or a doubled one: all harmless
      continue;
    }
    const definition = applicationIdentifierAt(text, at);
    if (!definition) {
      return failure(
        'unknown-ai',
        `No known Application Identifier at "${text.slice(at, at + 4)}"`,
      );
    }
    at += definition.ai.length;
    let end: number;
    if (definition.minLength === definition.maxLength) {
      end = at + definition.maxLength;
      if (end > text.length || text.slice(at, end).includes(GS)) {
        const value = text.slice(at).split(GS)[0] ?? '';
        return failure(
          'length',
          `${label(definition)} "${value}": ${value.length} characters, expected ${definition.maxLength}`,
        );
      }
    } else {
      const separator = text.indexOf(GS, at);
      end = separator === -1 ? text.length : separator;
      if (end - at > definition.maxLength) {
        return failure(
          'length',
          `${label(definition)}: ${end - at} characters, at most ${definition.maxLength} (missing GS separator?)`,
        );
      }
    }
    pairs.push([definition.ai, text.slice(at, end)]);
    at = end;
  }
  return pairs;
}

const HUMAN_READABLE_AI = /\((\d{2,4})\)/g;

/** Splits "(01)09501101020917(17)260101". Spaces around the parentheses are forgiven. */
function splitHumanReadable(text: string): [string, string][] | Gs1Failure {
  const marks: { ai: string; start: number; end: number }[] = [];
  for (const match of text.matchAll(HUMAN_READABLE_AI)) {
    const ai = match[1] ?? '';
    // A "(12)" inside a batch number is data, not a mark, unless it names a known AI.
    if (APPLICATION_IDENTIFIERS.has(ai)) {
      marks.push({ ai, start: match.index, end: match.index + match[0].length });
    } else if (marks.length === 0) {
      return failure('unknown-ai', `(${ai}) is not an Application Identifier we read`);
    }
  }
  const first = marks[0];
  if (!first || text.slice(0, first.start).trim() !== '') {
    return failure('structure', 'Human-readable GS1 data must start with "(AI)"');
  }
  return marks.map((mark, index) => {
    const next = marks[index + 1];
    return [mark.ai, text.slice(mark.end, next ? next.start : text.length).trim()];
  });
}

/** True when the text is in the human-readable "(AI)value" form. */
export function isHumanReadableGs1(text: string): boolean {
  return /^\(\d{2,4}\)/.test(text);
}

/**
 * Parses a GS1 element string in either form. `today` (yyyy-mm-dd) places two-digit years in
 * their century.
 */
export function parseGs1ElementString(text: string, today: string): Gs1Parse {
  const pairs = isHumanReadableGs1(text) ? splitHumanReadable(text) : splitTransmitted(text);
  if (!Array.isArray(pairs)) return pairs;
  return gs1ElementsFromPairs(pairs, today);
}

/** The human-readable form, for screens and receipts. */
export function formatGs1HumanReadable(elements: readonly Gs1Element[]): string {
  return elements.map((element) => `(${element.ai})${element.value}`).join('');
}

/** The transmitted form, GS after each variable-length field except the last. */
export function formatGs1Transmitted(elements: readonly Gs1Element[]): string {
  return elements
    .map((element, index) => {
      const definition = APPLICATION_IDENTIFIERS.get(element.ai);
      const needsSeparator = !definition?.predefinedLength && index < elements.length - 1;
      return `${element.ai}${element.value}${needsSeparator ? GS : ''}`;
    })
    .join('');
}
