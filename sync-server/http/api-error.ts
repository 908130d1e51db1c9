import type { Response } from 'express';

/**
 * Every error the server sends is CouchDB-shaped JSON: `error` is a stable code a client can
 * switch on, `reason` is a sentence that says what went wrong and what to do next.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    readonly reason: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(reason);
  }
}

export function sendJson(res: Response, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.status(status);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'must-revalidate');
  res.end(JSON.stringify(body));
}

export function sendError(res: Response, error: unknown): void {
  if (error instanceof ApiError) {
    // A refusal that says how long to wait says it in the header HTTP clients read too.
    const retryAfter = error.details?.retryAfter;
    if (typeof retryAfter === 'number' && !res.headersSent) {
      res.setHeader('Retry-After', String(retryAfter));
    }
    sendJson(res, error.status, { error: error.code, reason: error.reason, ...error.details });
    return;
  }
  console.error('omnitill-sync-server: unexpected error', error);
  sendJson(res, 500, {
    error: 'internal_error',
    reason: 'The server failed unexpectedly; retry later and check the server log if it persists.',
  });
}

export const badRequest = (reason: string, details?: Record<string, unknown>): ApiError =>
  new ApiError(400, 'bad_request', reason, details);
export const forbidden = (reason: string): ApiError => new ApiError(403, 'forbidden', reason);
export const notFound = (reason: string): ApiError => new ApiError(404, 'not_found', reason);
