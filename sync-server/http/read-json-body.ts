import type { IncomingMessage } from 'node:http';
import { ApiError, badRequest } from './api-error';

/** Request bodies above this are refused before they are parsed (a sync batch is far smaller). */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Deeper nesting is refused before parsing: our documents nest a handful of levels. */
export const MAX_JSON_DEPTH = 64;
/**
 * Values (object members and array elements) in one body. A catalog import of 1,000 products
 * or a push of 50 sales holds a few tens of thousands; tens of millions of tiny values in 10 MB
 * would cost seconds and hundreds of MB to parse.
 */
export const MAX_JSON_ELEMENTS = 250_000;

export interface JsonBodyLimits {
  bytes?: number;
  depth?: number;
  elements?: number;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads and parses a JSON body with hard limits on size, nesting and element count, and
 * refuses invalid UTF-8 rather than store it altered (U+FFFD). Bodies arrive from registers and
 * web shops we do not control (STYLE.md habit 8), so nothing is trusted until it has parsed.
 */
export async function readJsonBody(
  req: IncomingMessage,
  limits: JsonBodyLimits = {},
): Promise<unknown> {
  const { bytes: limit = MAX_BODY_BYTES, ...shape } = limits;
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      req.resume();
      throw tooLarge(limit);
    }
    chunks.push(chunk);
  }
  if (size === 0) return undefined;
  return parseJsonText(decodeUtf8(Buffer.concat(chunks)), shape);
}

/** The body as text, or a 400 when it is not valid UTF-8 (JSON is UTF-8, RFC 8259). */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw badRequest(
      'The body is not valid UTF-8; send JSON encoded as UTF-8 (Vietnamese text included).',
    );
  }
}

/** Parses JSON text once its nesting and element count are known to be within the limits. */
export function parseJsonText(
  text: string,
  { depth = MAX_JSON_DEPTH, elements = MAX_JSON_ELEMENTS }: JsonBodyLimits = {},
): unknown {
  checkJsonShape(text, depth, elements);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw badRequest(
      `The body is not valid JSON (${(error as Error).message}); send a JSON document with Content-Type: application/json.`,
    );
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

/**
 * One linear pass over the text, outside strings: nesting depth and a count of values, so a
 * 1,000,000-deep array or millions of tiny values are refused before JSON.parse (and everything
 * after it that recurses: validation, storage, JSON.stringify) sees them.
 */
function checkJsonShape(text: string, maxDepth: number, maxElements: number): void {
  let depth = 0;
  let elements = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i++;
      else if (code === QUOTE) inString = false;
      continue;
    }
    if (code === QUOTE) inString = true;
    else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (++depth > maxDepth) {
        throw badRequest(
          `The body nests deeper than ${maxDepth} levels; send documents as the API describes them (docs/API.md).`,
        );
      }
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) depth--;
    else if (code === COMMA && ++elements > maxElements) {
      throw new ApiError(
        413,
        'too_large',
        `The body holds more than ${maxElements} values; send smaller batches.`,
      );
    }
  }
}

function tooLarge(limit: number): ApiError {
  return new ApiError(
    413,
    'too_large',
    `The request body is larger than ${limit / (1024 * 1024)} MB; send smaller batches.`,
  );
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
