import type { IncomingMessage } from 'node:http';
import { ApiError, badRequest } from './api-error';

/** Request bodies above this are refused before they are parsed (a sync batch is far smaller). */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * Reads and parses a JSON body with a hard size limit. Bodies arrive from registers and web
 * shops we do not control (STYLE.md habit 8), so nothing is trusted until it has parsed.
 */
export async function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
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
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw badRequest(
      `The body is not valid JSON (${(error as Error).message}); send a JSON document with Content-Type: application/json.`,
    );
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
