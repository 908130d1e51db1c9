/**
 * The server's domain API and its contract (src/api/contract.ts) name the same routes: a route
 * added without a contract entry, or an entry no route serves, fails here.
 */
import type { Router } from 'express';
import { describe, expect, it } from 'vitest';
import { API_ENTRIES, API_NAMES } from '../../../src/api';
import { apiRouter } from '../../../sync-server/api/api-router';
import type { EReceipts } from '../../../sync-server/notifications/e-receipts';
import type { LoyaltyHolds } from '../../../sync-server/services/loyalty-holds';
import type { Reconciler } from '../../../sync-server/index/reconciler';
import type { ServerContext } from '../../../sync-server/server-context';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

/** Every `METHOD path` the router serves, nested routers included. */
function servedRoutes(router: Router): string[] {
  const walk = (stack: readonly Layer[]): string[] =>
    stack.flatMap((layer) =>
      layer.route
        ? Object.keys(layer.route.methods).map(
            (method) => `${method.toUpperCase()} ${layer.route?.path ?? ''}`,
          )
        : walk(layer.handle.stack ?? []),
    );
  return walk((router as unknown as { stack: Layer[] }).stack);
}

/** Enough of a context to build the routers: nothing is called until a request comes. */
function inertContext(): ServerContext {
  const pass = () => (_req: unknown, _res: unknown, next: () => void) => next();
  const inert: object = new Proxy(() => inert, { get: () => inert, apply: () => inert });
  return new Proxy(
    { auth: { require: pass } },
    { get: (target, key) => (key in target ? target[key as 'auth'] : inert) },
  ) as unknown as ServerContext;
}

describe('the domain API contract', () => {
  const served = servedRoutes(
    apiRouter(inertContext(), {} as Reconciler, {} as LoyaltyHolds, {} as EReceipts),
  ).sort();
  const named = API_NAMES.map((name) => `${API_ENTRIES[name].method} ${API_ENTRIES[name].path}`);

  it('names every route the server serves', () => {
    expect(served.filter((route) => !named.includes(route))).toEqual([]);
  });

  it('has a route for every entry, once', () => {
    expect(named.filter((route) => !served.includes(route))).toEqual([]);
    expect(new Set(served).size).toBe(served.length);
  });
});
