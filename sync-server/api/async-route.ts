import type { NextFunction, Request, Response } from 'express';
import { sendError } from '../http/api-error';

/** Express 4 does not catch rejected promises: every async route goes through this. */
export function asyncRoute(handler: (req: Request, res: Response) => Promise<void>) {
  return (req: Request, res: Response, _next: NextFunction): void => {
    handler(req, res).catch((error: unknown) => sendError(res, error));
  };
}
