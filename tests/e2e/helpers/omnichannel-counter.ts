/**
 * A store counter for the omnichannel end-to-end tests: a real sync-server process seeded with
 * the demo stores, a register of one store enrolled on it, the app started against it (browser
 * shell, fresh data folder and browser profile) and a cashier signed in. Plus the calls a web
 * shop, an admin or another store's register makes on the server.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startDemoSyncServer } from './demo-sync-server';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';
import { openBrowser } from './browser';
import type { TestBrowser } from './browser';
import { launchApp } from './launch-app';
import type { RunningApp } from './launch-app';
import { loginScreen } from './login-screen';

export interface Counter {
  device: EnrolledDevice;
  app: RunningApp;
  browser: TestBrowser;
  page: Page;
  /** Where the register's receipt printer (a file) writes its bytes. */
  printerFile: string;
  stop(): Promise<void>;
}

export async function startServer(): Promise<SyncServerProcess> {
  return startDemoSyncServer();
}

export async function startCounter(
  server: SyncServerProcess,
  options: {
    storeId?: string;
    pin?: string;
    locale?: 'vi-VN' | 'en-US';
    /** Another register of the store needs its own id (default reg-01). */
    registerId?: string;
    /** 'unplugged': the printer is set up but its device node is not there until the test adds it. */
    printer?: 'ready' | 'unplugged';
  } = {},
): Promise<Counter> {
  const storeId = options.storeId ?? 'hcm-q1';
  const device = await server.enrollDevice(storeId, `counter ${storeId}`);
  const printerDir = mkdtempSync(join(tmpdir(), 'omnitill-printer-'));
  const printerFile = join(printerDir, 'receipts.bin');
  // A file printer is a device node that exists (/dev/usb/lp0): make the stand-in first.
  if (options.printer !== 'unplugged') writeFileSync(printerFile, '');
  const app = await launchApp({
    env: {
      OMNITILL_SERVER_URL: server.url,
      OMNITILL_STORE_ID: storeId,
      OMNITILL_DEVICE_ID: device.deviceId,
      OMNITILL_DEVICE_SECRET: device.secret,
      OMNITILL_LOCALE: options.locale ?? 'en-US',
      OMNITILL_PRINTER: `file:${printerFile}`,
      ...(options.registerId ? { OMNITILL_REGISTER_ID: options.registerId } : {}),
      // A renderer built elsewhere (e.g. an integration branch) can be tested the same way.
      ...(process.env.OMNITILL_RENDERER_DIR
        ? { OMNITILL_RENDERER_DIR: process.env.OMNITILL_RENDERER_DIR }
        : {}),
    },
  });
  const browser = await openBrowser(app.url);
  // A supervisor: may take refunds and open the register's shift if it is closed.
  await loginScreen.signIn(browser.page, options.pin ?? '2222');
  await openShiftIfClosed(browser.page);
  return {
    device,
    app,
    browser,
    page: browser.page,
    printerFile,
    async stop() {
      await browser.close();
      await app.stop();
      rmSync(printerDir, { recursive: true, force: true });
    },
  };
}

/** The register's shift gate (if any) asks for an opening float before the counter works. */
export async function openShiftIfClosed(page: Page): Promise<void> {
  const open = page.getByTestId('open-shift');
  const ready = page.getByTestId('scan-input');
  await open.or(ready).first().waitFor({ timeout: 60_000 });
  if (await open.isVisible()) {
    await page.getByTestId('opening-float').fill('500000');
    await open.click();
    await ready.waitFor();
  }
}

export async function api<T = Record<string, unknown>>(
  server: SyncServerProcess,
  path: string,
  options: { method?: string; auth?: string; body?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${path}`, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers: {
      Authorization: options.auth ?? server.adminAuth,
      'Content-Type': 'application/json',
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
}

export interface PlacedOrder {
  orderId: string;
  orderNumber: string;
  customerId: string;
}

/** A web order as the shop sends it (docs/API.md), placed by the admin. */
export async function placeWebOrder(
  server: SyncServerProcess,
  fields: {
    externalId: string;
    customer: { name: string; phone?: string; email?: string };
    pickupStoreId?: string;
    lines: { lineId: string; sku: string; name: string; quantity: number; unitPrice: number }[];
    prepaid?: number;
  },
): Promise<PlacedOrder> {
  const lines = fields.lines.map((line) => ({
    ...line,
    lineTotal: line.unitPrice * line.quantity,
    taxRateBp: 800,
  }));
  const reply = await api<PlacedOrder>(server, '/api/v1/orders', {
    body: {
      externalId: fields.externalId,
      channel: 'web',
      customer: fields.customer,
      pickupStoreId: fields.pickupStoreId ?? 'hcm-q1',
      currency: 'VND',
      lines,
      prepaid: fields.prepaid ?? 0,
      placedAt: new Date(Date.now() - 90 * 60_000).toISOString(),
    },
  });
  if (reply.status !== 201) throw new Error(`Order intake failed: ${JSON.stringify(reply.body)}`);
  return reply.body;
}

/** The store marks the order ready (only a ready order is handed over: the server checks). */
export async function markReady(server: SyncServerProcess, orderId: string): Promise<void> {
  const reply = await api(server, `/api/v1/orders/${orderId}/ready`, { method: 'POST', body: {} });
  if (reply.status !== 200) throw new Error(`Marking ready failed: ${JSON.stringify(reply.body)}`);
}

/** Writes documents into a server database through the CouchDB API (a register's push). */
export async function pushDocs(
  server: SyncServerProcess,
  db: string,
  docs: readonly { id: string }[],
  auth: string = server.adminAuth,
): Promise<Record<string, unknown>[]> {
  const response = await fetch(`${server.url}/db/${db}/_bulk_docs`, {
    method: 'POST',
    headers: { Authorization: auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      docs: docs.map((doc) => {
        const { id, ...rest } = doc as { id: string } & Record<string, unknown>;
        return { _id: id, ...rest };
      }),
    }),
  });
  const rows = (await response.json()) as Record<string, unknown>[];
  const refused = rows.filter((row) => row.error !== undefined);
  if (refused.length) throw new Error(`The server refused: ${JSON.stringify(refused)}`);
  return rows;
}

/** A points earning on the web, as the server's web channel writes it. */
export function webEarnEntry(customerId: string, orderId: string, points: number) {
  return {
    id: `loy_web-earn-${orderId.slice(4)}`,
    customerId,
    kind: 'earn',
    points,
    channel: 'web',
    sourceId: orderId,
    idempotencyKey: `earn:${orderId}`,
    createdAt: new Date(Date.now() - 80 * 60_000).toISOString(),
  };
}
