import { createServer as createHttpServer } from 'node:http';
import type { Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Server as HttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { resolve } from 'node:path';
import express from 'express';
import expressPouchDB from 'express-pouchdb';
import type { RequestHandler } from 'express';
import { ApiError, sendError } from './http/api-error';
import { apiRouter } from './api/api-router';
import { checkAdminToken, loadAdminToken } from './http/admin-token';
import { Authenticator } from './access/auth';
import { cors, withoutWwwAuthenticate } from './http/cors';
import { CouchDocumentStore } from './storage/couchdb-document-store';
import { couchdbProxy } from './storage/couchdb-proxy';
import { INTERNAL_DATABASES, SHARED_COLLECTIONS } from './storage/database-layout';
import { seedDemoData } from './services/demo-seed';
import { DeviceRegistry } from './access/device-registry';
import { loadPinSecret } from './access/pin-secret';
import { devicePinKey } from './access/staff-pin';
import type { DocumentStore } from './storage/document-store';
import { idOf } from './storage/document-store';
import { DocumentValidator } from './gate/document-validator';
import { LoyaltyHolds } from './services/loyalty-holds';
import { PouchDocumentStore } from './storage/pouch-document-store';
import { Reconciler } from './index/reconciler';
import { CustomerNeeds } from './index/customer-needs';
import { allCustomersOf } from './gate/customer-read-scope';
import { DEMO_OTHER_STORE_ID, DEMO_STORE_ID } from '../src/demo/demo-ids';
import { RejectionLog } from './gate/rejection-log';
import { ReplicationGate } from './gate/replication-gate';
import type { ServerContext } from './server-context';
import { ServerIndex } from './index/server-index';
import { SettingsHistory, storeIdOfSettings } from './history/settings-history';
import { PriceHistory } from './history/price-history';
import { secureDataFolder } from './storage/data-folder';
import { LocalDocQuota } from './gate/local-doc-quota';
import { jsonErrors } from './http/json-errors';
import { bankWebhookRouter, checkWebhookSecret } from './api/bank-webhook';
import { PaymentLedger } from './payments/payment-ledger';
import { overduePaymentFlags } from './payments/overdue-payments';
import { EReceipts } from './notifications/e-receipts';
import { notificationConfigFromEnv } from './notifications/notification-adapters';
import { receiptPageRouter } from './api/e-receipt-routes';
import { startEInvoices } from './einvoice/einvoice-setup';
import { ProductImages } from './storage/product-images';
import { productImageRoutes } from './api/product-image-routes';

export interface SyncServerOptions {
  /** 0 picks a free port. Default 7070. */
  port?: number;
  /** Default 127.0.0.1: the server faces the store LAN only when told to. */
  host?: string;
  /** Where LevelDB, the admin token and the server's own data live. */
  dataDir: string;
  /** An external Apache CouchDB (http://user:pass@host:5984) instead of the embedded store. */
  couchdbUrl?: string;
  /** Put before every database name on that CouchDB (several deployments or tests on one cluster). */
  couchdbPrefix?: string;
  /** Write the demo store (src/demo) when the products database is empty. */
  seedDemo?: boolean;
  /**
   * Stores whose registers receive every customer: `*` or ids separated by commas. Default
   * OMNITILL_ALL_CUSTOMERS; unset, the demo's two stores with `seedDemo`, else none
   * (docs/DATA.md "Customers a register receives").
   */
  allCustomers?: string;
  /**
   * Serve HTTPS with this certificate and key (PEM) instead of plain HTTP: a register's Basic
   * credentials then never cross the store LAN in clear (docs/SECURITY.md, docs/DEPLOYMENT.md).
   */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Overrides OMNITILL_ADMIN_TOKEN and the token kept in the data directory. */
  adminToken?: string;
  /** Unconfirmed loyalty holds lapse after this long. Default 15 minutes. */
  holdTtlMs?: number;
  /** Reconciliation runs this long after the last accepted write batch. Default 300 ms. */
  reconcileDelayMs?: number;
  /** The retailer's bank-notification secret; default OMNITILL_BANK_WEBHOOK_SECRET (docs/PAYMENTS.md). */
  bankWebhookSecret?: string;
  /** payOS's checksum key, to accept its own signature; default OMNITILL_PAYOS_CHECKSUM_KEY. */
  payosChecksumKey?: string;
  log?: (line: string) => void;
}

export interface RunningSyncServer {
  url: string;
  port: number;
  host: string;
  adminToken: string;
  adminTokenSource: 'env' | 'file' | 'generated' | 'option';
  seeded: boolean;
  close(): Promise<void>;
}

async function embeddedBackend(store: PouchDocumentStore): Promise<RequestHandler> {
  const app = expressPouchDB(store.PouchDB, {
    mode: 'minimumForPouchDB',
    overrideMode: { include: ['routes/find'] },
  });
  // express-pouchdb installs allDbs on the constructor asynchronously; wait for it.
  for (let attempt = 0; !store.PouchDB.allDbs && attempt < 200; attempt++) {
    await new Promise((done) => setTimeout(done, 10));
  }
  await store.listDatabases();
  return app;
}

export async function startSyncServer(options: SyncServerOptions): Promise<RunningSyncServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const dataDir = resolve(options.dataDir);
  secureDataFolder(dataDir);
  if (options.adminToken) checkAdminToken(options.adminToken, 'the adminToken option');
  const bankWebhookSecret = checkWebhookSecret(
    options.bankWebhookSecret ?? process.env.OMNITILL_BANK_WEBHOOK_SECRET,
  );
  const token = options.adminToken
    ? { token: options.adminToken, source: 'option' as const }
    : loadAdminToken(dataDir, process.env.OMNITILL_ADMIN_TOKEN);

  let store: DocumentStore;
  let backend: RequestHandler;
  if (options.couchdbUrl) {
    const couch = new CouchDocumentStore(options.couchdbUrl, {
      ...(options.couchdbPrefix ? { prefix: options.couchdbPrefix } : {}),
    });
    store = couch;
    backend = couchdbProxy(couch);
  } else {
    const pouch = new PouchDocumentStore(dataDir);
    store = pouch;
    backend = await embeddedBackend(pouch);
  }
  for (const db of [...SHARED_COLLECTIONS, ...Object.values(INTERNAL_DATABASES)]) {
    await store.ensureDatabase(db);
  }

  const pinSecret = await loadPinSecret(store);
  const pinKeys = new Map<string, Uint8Array>();
  const pinKeyOf = (deviceId: string): Uint8Array => {
    const key = pinKeys.get(deviceId) ?? devicePinKey(pinSecret, deviceId);
    pinKeys.set(deviceId, key);
    return key;
  };

  const registry = new DeviceRegistry(store);
  await registry.load();
  const rejections = new RejectionLog(store);
  await rejections.init();
  const localDocs = new LocalDocQuota(store);
  await localDocs.init();
  const validator = new DocumentValidator();
  const auth = new Authenticator(token.token, registry);
  const settingsHistory = new SettingsHistory(store, log);
  const priceHistory = PriceHistory.of(store, log);
  const index = new ServerIndex(store, log);
  await index.init();
  const customerNeeds = new CustomerNeeds(store, index, log);
  const allCustomers = allCustomersOf(
    options.allCustomers ??
      process.env.OMNITILL_ALL_CUSTOMERS ??
      (options.seedDemo ? `${DEMO_STORE_ID},${DEMO_OTHER_STORE_ID}` : undefined),
  );
  const reconciler = new Reconciler(
    store,
    index,
    settingsHistory,
    options.reconcileDelayMs ?? 300,
    log,
  );
  await reconciler.init();
  const onAccepted = (db: string, docs: readonly Record<string, unknown>[]) => {
    if (db === 'settings') {
      // Record the new version now, so its time in force is the time it landed.
      for (const storeId of new Set(docs.map(storeIdOfSettings))) {
        if (!storeId) continue;
        settingsHistory
          .refresh(storeId)
          .catch((error: unknown) =>
            log(
              `omnitill-sync-server: recording the settings of ${storeId} failed: ${String(error)}`,
            ),
          );
      }
    }
    if (db === 'products') {
      // Record new prices now, so their time in force is the time they landed. A catalog
      // import reports no documents: then every product is compared.
      const ids = docs.map(idOf).filter((id) => id !== '');
      const landedAt = new Date().toISOString();
      (ids.length > 0
        ? priceHistory.refresh(ids, landedAt)
        : priceHistory.refreshAll(landedAt)
      ).catch((error: unknown) =>
        log(`omnitill-sync-server: recording catalog prices failed: ${String(error)}`),
      );
    }
    reconciler.schedule(db, docs);
  };
  const context: ServerContext = {
    store,
    auth,
    registry,
    validator,
    rejections,
    settingsHistory,
    index,
    customerNeeds,
    allCustomers,
    holdTtlMs: options.holdTtlMs ?? 15 * 60_000,
    pinKeyOf,
    onAccepted,
  };
  const images = new ProductImages(store);
  await images.init();
  const seeded = options.seedDemo ? await seedDemoData(store, log, images) : false;
  if (seeded) onAccepted('settings', []);
  // After the seed: the settings as they are now become versions (first start, or an upgrade).
  await settingsHistory.init();
  await priceHistory.init();

  const gate = new ReplicationGate({
    auth,
    store,
    validator,
    rejections,
    settingsHistory,
    onAccepted,
    index,
    raiseFlags: (flags) => reconciler.raise(flags),
    localDocs,
    pinKeyOf,
    customerNeeds,
    allCustomers,
  });
  const app = express();
  app.disable('x-powered-by');
  app.use(withoutWwwAuthenticate, cors);
  const holds = new LoyaltyHolds(context);
  const payments = new PaymentLedger(store, (flags) => reconciler.raise(flags));
  await payments.init();
  app.use(
    '/api/v1/payments/bank-notifications',
    bankWebhookRouter(
      payments,
      {
        secret: bankWebhookSecret,
        payosChecksumKey:
          options.payosChecksumKey ?? (process.env.OMNITILL_PAYOS_CHECKSUM_KEY || undefined),
      },
      log,
    ),
  );
  // E-receipts: links point at OMNITILL_PUBLIC_URL, else at this server's own address.
  let ownUrl = '';
  const receipts = new EReceipts(
    context,
    notificationConfigFromEnv(process.env),
    () => ownUrl,
    log,
  );
  await receipts.init();
  app.use('/r', receiptPageRouter(context, receipts));
  const einvoices = await startEInvoices(store, validator, settingsHistory, process.env, log);
  // Images are not JSON: their routes sit beside the contract's (product-image-routes.ts).
  app.use('/api/v1', productImageRoutes(context, images));
  app.use('/api/v1', apiRouter(context, reconciler, holds, receipts, einvoices));
  // Unconfirmed holds lapse: release them on a timer (a crashed register never will).
  const sweep = setInterval(
    () => {
      holds
        .expireLapsed()
        .catch((error: unknown) =>
          log(`omnitill-sync-server: hold expiry failed: ${String(error)}`),
        );
    },
    Math.max(1000, Math.min(context.holdTtlMs / 2, 30_000)),
  );
  sweep.unref();
  // Transfers confirmed by hand that the bank never reported: flagged for a manager.
  const overdue = setInterval(() => {
    overduePaymentFlags(payments, Date.now())
      .then((flags) => reconciler.raise(flags))
      .catch((error: unknown) =>
        log(`omnitill-sync-server: checking overdue transfers failed: ${String(error)}`),
      );
  }, 60_000);
  overdue.unref();
  app.use('/db', gate.middleware, backend);
  app.use((req, res) =>
    sendError(
      res,
      new ApiError(404, 'not_found', `No route ${req.method} ${req.path}; see docs/API.md.`),
    ),
  );
  // Whatever a handler throws (express-pouchdb's body parser included) is answered as JSON,
  // never as Express's HTML page with a stack trace and file paths.
  app.use(jsonErrors);

  // Ready means current: the index (and the reconciliation of what it brings in) is brought up
  // to date before the server listens, so a register's first sync never shares the machine
  // with the one-off build over a freshly seeded or imported data set (docs/BENCHMARKS.md).
  // Later starts resume from the index's checkpoint and take next to nothing.
  const catchUpStarted = Date.now();
  await index.catchUp();
  await customerNeeds.resume();
  reconciler.resume();
  await reconciler.settled();
  const catchUpMs = Date.now() - catchUpStarted;
  if (catchUpMs >= 1000) {
    log(
      `omnitill-sync-server: index and reconciliation brought up to date in ${(catchUpMs / 1000).toFixed(1)} s`,
    );
  }

  const host = options.host ?? '127.0.0.1';
  const sockets = new Set<Socket>();
  const server: HttpServer | HttpsServer = await new Promise((ready, fail) => {
    const listening = options.tls
      ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, app)
      : createHttpServer(app);
    listening.once('error', fail);
    listening.listen(options.port ?? 7070, host, () => ready(listening));
  });
  // Registers keep their connections open between pushes. Node's 5 s default closes an idle one
  // as a register reuses it (a reset the register must retry), more so while the event loop is
  // busy; a minute outlasts any pause between a register's requests.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // With TLS too, 'connection' gives the TCP socket under the TLS session: destroying it ends both.
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      reconciler.stop();
      clearInterval(sweep);
      clearInterval(overdue);
      await receipts.sender.stop();
      await einvoices?.stop();
      // Long-polling registers hold connections open: end them so close() returns promptly.
      const closed = new Promise<void>((done) => server.close(() => done()));
      for (const socket of sockets) socket.destroy();
      await closed;
      await store.close();
    })();
    return closing;
  };
  ownUrl = `${options.tls ? 'https' : 'http'}://${urlHost}:${port}`;
  receipts.sender.start();
  einvoices?.start();
  return {
    url: ownUrl,
    port,
    host,
    adminToken: token.token,
    adminTokenSource: token.source,
    seeded,
    close,
  };
}
