/**
 * The sync-server's domain API as the register calls it: HTTP Basic with the device's own
 * credentials (AppConfig), JSON in and out, each call named and typed by the contract
 * (`api.call('loyalty/hold', request)`, src/api/contract.ts). Failures come back as values, never
 * thrown, because "the server cannot be reached" is an everyday state of an offline-first register.
 */
import { apiRequestLine } from '../../src/api';
import type { ApiName, ApiReply, ApiRequest } from '../../src/api';
import type { AppConfig } from '../../src/ipc/contract';
import { fetchThroughGate, ServerUnreachableError } from './retry-backoff';

export type ApiResult<T> =
  | { ok: true; status: number; value: T }
  | {
      ok: false;
      offline: boolean;
      status: number;
      code: string;
      reason: string;
      /** The whole error body: some errors add fields (`available`, `field`). */
      details: Record<string, unknown>;
    };

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export interface ServerApi {
  call<K extends ApiName>(name: K, request: ApiRequest<K>): Promise<ApiResult<ApiReply<K>>>;
  /**
   * A request outside the contract, its reply unchecked: only for the CouchDB-protocol endpoint
   * (a client made with `apiUrl: syncUrl`), whose shapes the CouchDB spec defines.
   */
  raw(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiResult<unknown>>;
}

/**
 * The register's calls go through the shared retry gate (retry-backoff.ts): while the server is
 * unreachable a call made between two of the gate's tries answers "offline" at once, without a
 * request, so polls back off with replication and a cashier is not kept waiting.
 */
const gatedFetch: FetchLike = (url, init) =>
  fetchThroughGate((input, options) => fetch(input, options), undefined, 'now')(url, init);

/** How long the register waits before it treats the server as unreachable. */
export const API_TIMEOUT_MS = 4000;

export function createServerApi(
  config: Pick<AppConfig, 'apiUrl' | 'deviceId' | 'deviceSecret'>,
  fetchImpl: FetchLike = gatedFetch,
  /** Reports over every store may take longer than a look-up. */
  timeoutMs = API_TIMEOUT_MS,
): ServerApi {
  const authorization = `Basic ${btoa(`${config.deviceId}:${config.deviceSecret}`)}`;
  async function send<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let response: Response;
    try {
      response = await fetchImpl(`${config.apiUrl}${path}`, {
        method,
        headers: {
          Authorization: authorization,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: controller.signal,
      });
    } catch (error) {
      return {
        ok: false,
        offline: true,
        status: 0,
        code: 'offline',
        reason:
          error instanceof ServerUnreachableError
            ? `${error.message} Go on offline: sales are kept on this register.`
            : `The server cannot be reached (${error instanceof Error ? error.message : String(error)}); check the network or go on offline.`,
        details: {},
      };
    } finally {
      clearTimeout(timer);
    }
    let parsed: unknown = null;
    try {
      parsed = await response.json();
    } catch {
      parsed = null;
    }
    // The server answers with the contract's reply type (its handlers are typed by it).
    if (response.ok) return { ok: true, status: response.status, value: parsed as T };
    const error = (parsed !== null && typeof parsed === 'object' ? parsed : {}) as Record<
      string,
      unknown
    >;
    return {
      ok: false,
      offline: false,
      status: response.status,
      code: typeof error.error === 'string' ? error.error : `http_${response.status}`,
      reason:
        typeof error.reason === 'string'
          ? error.reason
          : `The server answered ${response.status}; retry, and call IT if it keeps failing.`,
      details: error,
    };
  }
  return {
    call: <K extends ApiName>(name: K, request: ApiRequest<K>) => {
      const line = apiRequestLine(name, request);
      return send<ApiReply<K>>(line.method, line.path, line.body);
    },
    raw: (method, path, body) => send<unknown>(method, path, body),
  };
}
