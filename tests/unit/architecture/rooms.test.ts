/**
 * The rooms of docs/ARCHITECTURE.md, kept by a test: no import cycles between folders, renderer
 * features standing on the shared layer and not on each other, live reads of the replica only
 * through renderer/platform/, the sync-server's rooms importing only the rooms below them, src/
 * depending on nothing outside itself, and no file past 400 lines. Each list below is the
 * architecture as decided; a failure says which import (or file) breaks it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTree, ROOT, roomCycles, roomEdges, roomOf, withoutComments } from './import-graph';
import type { RoomEdge } from './import-graph';

const files = readTree();
const edges = roomEdges(files);

/** Files allowed past 400 lines, each with its reason. None today. */
const LONG_FILES: Record<string, string> = {};
const MAX_LINES = 400;

/** What every renderer feature may stand on: no screens of their own, no feature imported. */
const RENDERER_SHARED = [
  'renderer/platform', // server API client, ids, live-docs hook, document cache, hash route, typed amounts
  'renderer/data', // the RxDB replica, its collections and replication
  'renderer/devices', // scanner wedge and router, the printer through the device host
  'renderer/state', // the app store, the open shift, the scan context
  'renderer/i18n', // messages and translators of every screen
  'renderer/audit', // the audit trail
  'renderer/auth', // PINs, permissions, manager overrides
  'renderer/components', // UI shared by every screen: the dialog, the override prompt
  'renderer/lookup', // past sales and orders by number, a customer's ledger, stock, quick keys
  'renderer/loyalty', // the loyalty redemption client (server holds on points)
  'renderer/stored-value', // the stored-value client (gift cards, credit notes)
  'renderer/checkins', // pickup check-ins: made at the kiosk, listed by the manager
  'renderer/services.ts', // the register's services, set once at boot
];
/** Features: what a screen of the register, the kiosk or the manager is about. */
const RENDERER_FEATURES = [
  'renderer/sell', // cart, scan entry, finishing a sale, its UI (ui/) and payment (payment/)
  'renderer/returns',
  'renderer/pickups',
  'renderer/customers', // a customer's history at the counter
  'renderer/kiosk',
  'renderer/manager',
  'renderer/setup', // the first-run setup of a register with its own local server
];
/** The shells that put features on screen; they may import any feature, nothing imports them. */
const RENDERER_SHELL = [
  'renderer/app.tsx',
  'renderer/boot.ts',
  'renderer/main.tsx',
  'renderer/navigation', // the staff screens' routes and status bar
  'renderer/screens', // sign-in and the customer display
];

/**
 * Feature-to-feature imports allowed, each with the flow that crosses. None: where a flow goes on
 * in another feature (an exchange into a sale, a customer's history into a return), the staff
 * shell (navigation/staff-screen.tsx) hands one feature the other's function. An entry added
 * here that is no longer used fails, so the list only ever shrinks.
 */
const KNOWN_FEATURE_IMPORTS: Record<string, string> = {};

/**
 * Files outside renderer/platform/ allowed to subscribe to an RxDB observable themselves, each
 * with its reason. Everything else follows the replica through platform/watch-docs.ts
 * (`watchDocs`, `watchChanges`, the `useLiveDocs` hook). An entry no longer needed fails.
 */
const KNOWN_RXDB_SUBSCRIBERS: Record<string, string> = {
  // The snapshot keeper follows the products' change events across its own start and stop;
  // watchChanges would fit it, but renderer/data/ was left out of the change that made the rule.
  'renderer/data/catalog-snapshot.ts': 'the catalog snapshot keeper (change events)',
};
/** `.$.subscribe(` or `.$.pipe(` (line breaks allowed): an RxDB query or collection, read live. */
const RXDB_SUBSCRIPTION = /\.\$\s*\.\s*(?:subscribe|pipe)\s*\(/;

/** The sync-server's rooms, lowest first: a room imports only rooms before it (and src/). */
const SYNC_SERVER_ROOMS = [
  'sync-server/http', // ApiError, JSON bodies, CORS, the admin token
  'sync-server/storage', // the DocumentStore and its backends, layout, schemas, ids, accounts
  'sync-server/access', // who is asking: devices, staff PINs, authentication
  'sync-server/history', // settings and price versions; which one a sale was priced with
  'sync-server/index', // the server index, its projections and lookups, the reconciler
  'sync-server/gate', // the replication gate, write policy and push checks
  'sync-server/services', // domain services behind the API (holds, stored value, web orders)
  'sync-server/payments', // bank transfers: the payment ledger, bank notification adapters
  'sync-server/notifications', // e-receipts: tokens and messages, provider adapters, the sender
  'sync-server/einvoice', // e-invoices: the queue, provider adapters, the local provider
  'sync-server/api', // the HTTP routes of /api/v1
];
/** The one top-level file rooms may read: the server's wiring, handed to services and routes. */
const SYNC_SERVER_WIRING = 'sync-server/server-context.ts';

const describeEdge = (edge: RoomEdge): string => `${edge.from} -> ${edge.to} (${edge.example})`;

describe('rooms', () => {
  it('reads the tree (the graph is not empty, so the rules below check something)', () => {
    expect(files.length).toBeGreaterThan(300);
    expect(edges.some((edge) => edge.from === 'renderer/sell' && edge.to === 'renderer/data')).toBe(
      true,
    );
  });

  it('has no import cycle between folders', () => {
    const explained = roomCycles(edges).map((cycle) =>
      [
        `cycle: ${cycle.join(', ')}`,
        ...edges
          .filter((edge) => cycle.includes(edge.from) && cycle.includes(edge.to))
          .map((edge) => `  ${describeEdge(edge)}`),
      ].join('\n'),
    );
    // Break a cycle by moving the piece both sides use down (platform/, state/, src/; in src/,
    // what a document is made of goes to documents/parts/).
    expect(explained).toEqual([]);
  });

  it('keeps src/ pure: it imports nothing outside src/, and no package', () => {
    const outside = files
      .filter((file) => file.path.startsWith('src/'))
      .flatMap((file) =>
        [...file.imports.filter((target) => !target.startsWith('src/')), ...file.bare].map(
          (target) => `${file.path} imports ${target}`,
        ),
      );
    expect(outside).toEqual([]);
  });

  it(`has no file past ${MAX_LINES} lines (split it by responsibility)`, () => {
    const long = files
      .filter((file) => file.lines > MAX_LINES && !(file.path in LONG_FILES))
      .map((file) => `${file.path}: ${file.lines} lines`);
    expect(long).toEqual([]);
  });

  describe('renderer', () => {
    const rooms = new Set(
      files.filter((file) => file.path.startsWith('renderer/')).map((file) => roomOf(file.path)),
    );
    const placed = new Set([...RENDERER_SHARED, ...RENDERER_FEATURES, ...RENDERER_SHELL]);
    const from = (list: readonly string[]) =>
      edges.filter((edge) => list.includes(edge.from) && edge.to.startsWith('renderer/'));

    it('places every folder as shared, a feature or a shell', () => {
      const unplaced = [...rooms].filter((room) => !placed.has(room));
      expect(
        unplaced,
        'place a new renderer folder in RENDERER_SHARED, _FEATURES or _SHELL',
      ).toEqual([]);
      const gone = [...placed].filter((room) => !rooms.has(room));
      expect(gone).toEqual([]);
    });

    it('shared folders import no feature and no shell', () => {
      const wrong = from(RENDERER_SHARED)
        .filter((edge) => !RENDERER_SHARED.includes(edge.to))
        .map(describeEdge);
      // Move what the shared code needs down into the shared layer, or the code up into a feature.
      expect(wrong).toEqual([]);
    });

    it('reads the replica live only through platform/ (watchDocs, watchChanges, useLiveDocs)', () => {
      const subscribers = files
        .map((file) => file.path)
        .filter((path) => path.startsWith('renderer/') && !path.startsWith('renderer/platform/'))
        .filter((path) =>
          RXDB_SUBSCRIPTION.test(withoutComments(readFileSync(join(ROOT, path), 'utf8'))),
        );
      const unlisted = subscribers.filter((path) => !(path in KNOWN_RXDB_SUBSCRIBERS));
      // Use watchDocs / watchChanges (renderer/platform/watch-docs.ts), or useLiveDocs in React.
      expect(unlisted).toEqual([]);
      const stale = Object.keys(KNOWN_RXDB_SUBSCRIBERS).filter(
        (path) => !subscribers.includes(path),
      );
      expect(stale).toEqual([]);
    });

    it('features import no other feature (but the listed ones) and no shell', () => {
      const crossing = from(RENDERER_FEATURES).filter((edge) => !RENDERER_SHARED.includes(edge.to));
      const unlisted = crossing
        .filter((edge) => !(`${edge.from} -> ${edge.to}` in KNOWN_FEATURE_IMPORTS))
        .map(describeEdge);
      expect(unlisted).toEqual([]);
      const used = new Set(crossing.map((edge) => `${edge.from} -> ${edge.to}`));
      const stale = Object.keys(KNOWN_FEATURE_IMPORTS).filter((entry) => !used.has(entry));
      expect(stale).toEqual([]);
    });
  });

  describe('sync-server', () => {
    it('has only the listed rooms, and top-level files are entry points or wiring', () => {
      const rooms = new Set(
        files
          .filter((file) => file.path.startsWith('sync-server/'))
          .map((file) => roomOf(file.path))
          .filter((room) => !room.endsWith('.ts')),
      );
      expect(
        [...rooms].sort(),
        'a new sync-server room goes into SYNC_SERVER_ROOMS at its level (docs/ARCHITECTURE.md)',
      ).toEqual([...SYNC_SERVER_ROOMS].sort());
    });

    it('each room imports only the rooms below it', () => {
      const rank = (room: string): number => SYNC_SERVER_ROOMS.indexOf(room);
      const upward = edges
        .filter((edge) => rank(edge.from) >= 0 && edge.to.startsWith('sync-server/'))
        .filter((edge) =>
          edge.to.endsWith('.ts')
            ? edge.to !== SYNC_SERVER_WIRING
            : rank(edge.to) > rank(edge.from),
        )
        .map(describeEdge);
      expect(upward).toEqual([]);
    });
  });
});
