import type { NextFunction, Request, Response } from 'express';
import { ApiError, sendError } from './api-error';

/**
 * Express's last error handler, CouchDB-shaped: errors that carry a 4xx status (body-parser's
 * "entity too large", a malformed body) keep it; anything else is a 500 whose details go to the
 * server log only.
 */
export function jsonErrors(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) {
    next(error);
    return;
  }
  const status = statusOf(error);
  if (status !== undefined && status >= 400 && status < 500) {
    sendError(
      res,
      new ApiError(
        status,
        status === 413 ? 'too_large' : 'bad_request',
        status === 413
          ? 'The request body is too large; send smaller batches.'
          : 'The request could not be read; send JSON as docs/API.md describes.',
      ),
    );
    return;
  }
  sendError(res, error);
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
  const value = typeof status === 'number' ? status : statusCode;
  return typeof value === 'number' ? value : undefined;
}
