/**
 * The browser shell applies the same per-screen device permissions as the Electron bridge: a
 * kiosk tab's socket session is bound to the kiosk token served with its page, so the device host
 * refuses it the cash drawer and sale receipts, while the register's own tab still opens both.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startBrowserHost } from '../../../main/host/browser-host';
import type { BrowserHost } from '../../../main/host/browser-host';
import { createDeviceHost } from '../../../main/host/device-host';
import type { DeviceHost } from '../../../main/host/device-host';
import { DEFAULT_REGISTER_CONFIG } from '../../../main/host/host-options';
import type { DeviceCommand, DeviceResult, HostFrame } from '../../../src/ipc/contract';
import { buildTestReceipt } from '../../../src/receipt/builders';

const PRINTER = {
  type: 'epson',
  widthMm: 80,
  mode: 'codepage',
  codepage: 'cp1258',
  drawer: { pin: 2, onMs: 50, offMs: 500 },
} as const;

interface Session {
  invoke(command: DeviceCommand, request: unknown): Promise<DeviceResult<unknown>>;
  close(): void;
}

async function tokenOf(page: string): Promise<string> {
  const html = await (await fetch(page)).text();
  const token = /name="omnitill-host-token" content="([^"]*)"/.exec(html)?.[1];
  if (!token) throw new Error(`no token in ${page}`);
  return token;
}

async function connect(browser: BrowserHost, token: string): Promise<Session> {
  const url = `${browser.origin.replace(/^http/, 'ws')}/host?token=${encodeURIComponent(token)}`;
  const socket = new WebSocket(url, { origin: browser.origin });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const pending = new Map<number, (result: DeviceResult<unknown>) => void>();
  socket.on('message', (data: Buffer) => {
    const frame = JSON.parse(data.toString('utf8')) as HostFrame;
    if (frame.type === 'result') pending.get(frame.id)?.(frame.result);
  });
  let next = 0;
  return {
    invoke: (command, request) =>
      new Promise((resolve) => {
        const id = ++next;
        pending.set(id, resolve);
        socket.send(JSON.stringify({ type: 'invoke', id, command, request }));
      }),
    close: () => socket.close(),
  };
}

describe('device permissions per screen in the browser shell', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'omnitill-browser-roles-'));
  const staticDir = join(dataDir, 'renderer');
  const printerFile = join(dataDir, 'lp0');
  let deviceHost: DeviceHost;
  let browser: BrowserHost;
  const sale = () => ({
    jobId: `job_${Date.now()}_${Math.random()}`,
    receipt: buildTestReceipt({
      storeName: 'Omnitill Quận 1',
      locale: 'vi-VN',
      currency: 'VND',
      now: new Date(),
      documentId: 'sale_01',
    }),
  });

  beforeAll(async () => {
    writeFileSync(printerFile, '');
    rmSync(staticDir, { recursive: true, force: true });
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<html><head></head><body></body></html>');
    deviceHost = await createDeviceHost({
      host: {
        dataDir,
        config: {
          ...DEFAULT_REGISTER_CONFIG,
          serverUrl: 'http://127.0.0.1:7070',
          printer: { url: `file:${printerFile}`, ...PRINTER },
        },
        kiosk: false,
      },
      shell: 'browser',
    });
    browser = await startBrowserHost({
      host: '127.0.0.1',
      port: 0,
      staticDir,
      deviceHost,
      connectOrigins: [],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await deviceHost?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a kiosk tab the cash drawer and a sale receipt, and says it is the kiosk', async () => {
    const kiosk = await connect(browser, await tokenOf(`${browser.url}/kiosk`));
    const drawer = await kiosk.invoke('drawer/open', { reason: 'no-sale', staffId: 'staff-1' });
    expect(drawer).toMatchObject({ ok: false, code: 'not-allowed', canRetry: false });
    const print = await kiosk.invoke('printer/print', sale());
    expect(print).toMatchObject({ ok: false, code: 'not-allowed' });
    const config = await kiosk.invoke('app/config', null);
    expect(config).toMatchObject({ ok: true, value: { kiosk: true } });
    // Nor PIN checks with the register's key: a customer could try PINs from the kiosk.
    const mac = await kiosk.invoke('auth/pin-mac', { hash: Buffer.alloc(32).toString('base64') });
    expect(mac).toMatchObject({ ok: false, code: 'not-allowed' });
    kiosk.close();
    expect(readFileSync(printerFile).length).toBe(0);
  });

  it('refuses the customer display everything but its config and device status', async () => {
    const display = await connect(browser, await tokenOf(`${browser.url}/customer-display`));
    expect(await display.invoke('config/devices', null)).toMatchObject({ code: 'not-allowed' });
    expect(await display.invoke('device/status', null)).toMatchObject({ ok: true });
    const mac = await display.invoke('auth/pin-mac', { hash: Buffer.alloc(32).toString('base64') });
    expect(mac).toMatchObject({ ok: false, code: 'not-allowed' });
    display.close();
  });

  it("still opens the drawer and prints for the register's own tab", async () => {
    const register = await connect(browser, await tokenOf(`${browser.url}/`));
    const config = await register.invoke('app/config', null);
    expect(config).toMatchObject({ ok: true, value: { kiosk: false } });
    expect(await register.invoke('drawer/open', { reason: 'no-sale', staffId: 'staff-1' })).toEqual(
      { ok: true, value: null },
    );
    expect(await register.invoke('printer/print', sale())).toMatchObject({ ok: true });
    // The register's own tab may ask; a malformed hash is refused before anything is computed.
    expect(await register.invoke('auth/pin-mac', { hash: 'not base64 of 32 bytes' })).toMatchObject(
      { ok: false, code: 'bad-request' },
    );
    register.close();
    expect(readFileSync(printerFile).length).toBeGreaterThan(0);
  });

  it('serves no token to a script that fetches or frames a page', async () => {
    for (const dest of ['empty', 'iframe']) {
      const response = await fetch(`${browser.url}/`, { headers: { 'Sec-Fetch-Dest': dest } });
      expect(response.status).toBe(403);
      expect(await response.text()).not.toContain('omnitill-host-token');
    }
  });

  it('hands out no cashier token on a kiosk host', async () => {
    const kioskHost = await startBrowserHost({
      host: '127.0.0.1',
      port: 0,
      staticDir,
      deviceHost,
      connectOrigins: [],
      kiosk: true,
    });
    try {
      expect(kioskHost.tokens.cashier).toBeUndefined();
      const main = await connect(kioskHost, await tokenOf(`${kioskHost.url}/`));
      expect(await main.invoke('drawer/open', { reason: 'no-sale', staffId: 's' })).toMatchObject({
        code: 'not-allowed',
      });
      main.close();
    } finally {
      await kioskHost.close();
    }
  });
});
