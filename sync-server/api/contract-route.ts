import type { Request, RequestHandler, Response, Router } from 'express';
import { API_ENTRIES, apiRequestProblem, isPlainObject } from '../../src/api';
import type { ApiEntry, ApiName, ApiReply, ApiRequest } from '../../src/api';
import { badRequest, sendJson } from '../http/api-error';
import { readJsonBody } from '../http/read-json-body';
import { asyncRoute } from './async-route';

/** What a handler answers: the contract's reply, with 200 or another success status. */
export interface Answer<K extends ApiName> {
  status: number;
  body: ApiReply<K>;
}

export function answer<K extends ApiName>(body: ApiReply<K>, status = 200): Answer<K> {
  return { status, body };
}

export type ContractHandler<K extends ApiName> = (
  request: ApiRequest<K>,
  res: Response,
  req: Request,
) => Promise<Answer<K>>;

function textParams(params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, String(value)]));
}

/**
 * One request object from what arrived: path parameters by name, beside the query (GET) or the
 * JSON body's fields. The path wins over a body field of the same name.
 */
async function requestOf(entry: ApiEntry, req: Request): Promise<unknown> {
  const params = textParams(req.params);
  if (entry.method === 'GET') return { ...(req.query as Record<string, unknown>), ...params };
  const body = await readJsonBody(req);
  if (entry.wholeBody) return body;
  if (body === undefined) return params;
  return isPlainObject(body) ? { ...body, ...params } : body;
}

/**
 * Registers a contract entry on the router, at its method and path, behind the given access
 * checks. The request is checked at the door (a bad one is a JSON 400 naming the field) before
 * the handler sees it typed; errors become JSON through asyncRoute.
 */
export function contractRoute<K extends ApiName>(
  router: Router,
  name: K,
  access: RequestHandler,
  handler: ContractHandler<K>,
): void {
  const entry = API_ENTRIES[name];
  const route = asyncRoute(async (req, res) => {
    const request = await requestOf(entry, req);
    const problem = apiRequestProblem(name, request);
    if (problem) throw badRequest(problem.reason, problem.field ? { field: problem.field } : {});
    // Checked just above against this entry's door check, so it has the contract's shape.
    const result = await handler(request as ApiRequest<K>, res, req);
    sendJson(res, result.status, result.body);
  });
  switch (entry.method) {
    case 'GET':
      router.get(entry.path, access, route);
      return;
    case 'POST':
      router.post(entry.path, access, route);
      return;
    case 'DELETE':
      router.delete(entry.path, access, route);
      return;
  }
}
