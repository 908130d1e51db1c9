import { API_ENTRIES, pathParameters } from './contract';
import type { ApiMethod, ApiName, ApiRequest } from './contract';

export interface ApiRequestLine {
  method: ApiMethod;
  /** Below the API root, parameters and query encoded. */
  path: string;
  /** The JSON body to send (POST, DELETE), or undefined for none. */
  body: unknown;
}

/**
 * How a typed request travels: its path parameters fill the entry's path, the other fields go in
 * the query (GET) or the JSON body. The server's contract-route puts them back together.
 */
/** Query values are text; numbers and booleans as JSON writes them. */
function queryText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function apiRequestLine<K extends ApiName>(name: K, request: ApiRequest<K>): ApiRequestLine {
  const entry = API_ENTRIES[name];
  if (entry.wholeBody) return { method: entry.method, path: entry.path, body: request };
  const rest: Record<string, unknown> = { ...(request as Record<string, unknown>) };
  let path = entry.path;
  for (const parameter of pathParameters(entry.path)) {
    const value = rest[parameter];
    path = path.replace(
      `:${parameter}`,
      encodeURIComponent(typeof value === 'string' ? value : ''),
    );
    delete rest[parameter];
  }
  if (entry.method !== 'GET') return { method: entry.method, path, body: rest };
  // src/ has no DOM or Node library, so no URLSearchParams: the query is encoded by hand.
  const search = Object.entries(rest)
    .filter(([, value]) => value !== undefined)
    .map(([field, value]) => `${encodeURIComponent(field)}=${encodeURIComponent(queryText(value))}`)
    .join('&');
  return { method: entry.method, path: search ? `${path}?${search}` : path, body: undefined };
}
