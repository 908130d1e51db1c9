/**
 * The page never holds the register's device secret. `app/config` hands it a per-run page secret
 * instead, and its sync and API requests go through the browser host, which lets through only a
 * request signed with that page secret and sends it on with the device's own credentials. A
 * local process that reaches the proxy without the page's secret gets 401 and nothing is sent on.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startBrowserHost } from '../../../main/host/browser-host';
import type { BrowserHost } from '../../../main/host/browser-host';
import { createDeviceHost } from '../../../main/host/device-host';
import type { DeviceHost } from '../../../main/host/device-host';
import { DEFAULT_REGISTER_CONFIG } from '../../../main/host/host-options';
import type { AppConfig, HostFrame } from '../../../src/ipc/contract';
import { basicAuth, startSyncServerProcess } from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';

async function pageConfig(browser: BrowserHost): Promise<AppConfig> {
  const html = await (await fetch(`${browser.url}/`)).text();
  const token = /name="omnitill-host-token" content="([^"]*)"/.exec(html)?.[1] ?? '';
  const socket = new WebSocket(`${browser.origin.replace(/^http/, 'ws')}/host?token=${token}`, {
    origin: browser.origin,
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const answer = new Promise<HostFrame>((resolve) =>
    socket.once('message', (data: Buffer) => resolve(JSON.parse(data.toString()) as HostFrame)),
  );
  socket.send(JSON.stringify({ type: 'invoke', id: 1, command: 'app/config', request: null }));
  const frame = await answer;
  socket.close();
  if (frame.type !== 'result' || !frame.result.ok) throw new Error('app/config failed');
  return frame.result.value as AppConfig;
}

describe('the page works with a per-run page secret, never the device secret', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'omnitill-page-credentials-'));
  const staticDir = join(dataDir, 'renderer');
  let server: SyncServerProcess;
  let device: EnrolledDevice;
  let deviceHost: DeviceHost;
  let browser: BrowserHost;

  beforeAll(async () => {
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<html><head></head><body></body></html>');
    server = await startSyncServerProcess({ seedDemo: true });
    device = await server.enrollDevice('hcm-q1');
    deviceHost = await createDeviceHost({
      host: {
        dataDir,
        config: {
          ...DEFAULT_REGISTER_CONFIG,
          serverUrl: server.url,
          deviceId: device.deviceId,
          deviceSecret: device.secret,
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
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await deviceHost?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('app/config holds no device secret, and the page secret is not accepted by the server', async () => {
    const config = await pageConfig(browser);
    expect(config.deviceId).toBe(device.deviceId);
    expect(config.deviceSecret).not.toBe(device.secret);
    expect(JSON.stringify(config)).not.toContain(device.secret);
    const direct = await fetch(`${server.url}/db/products`, {
      headers: { Authorization: basicAuth(config.deviceId, config.deviceSecret) },
    });
    expect(direct.status).toBe(401);
  });

  it("syncs and calls the API through the host with the page's secret", async () => {
    const config = await pageConfig(browser);
    expect(new URL(config.syncUrl).origin).toBe(browser.origin);
    const auth = basicAuth(config.deviceId, config.deviceSecret);
    const products = await fetch(`${config.syncUrl}/products`, {
      headers: { Authorization: auth },
    });
    expect(products.status).toBe(200);
    expect(((await products.json()) as { doc_count: number }).doc_count).toBeGreaterThan(0);
    const changes = await fetch(`${config.syncUrl}/products/_changes?limit=2`, {
      headers: { Authorization: auth },
    });
    expect(((await changes.json()) as { results: unknown[] }).results).toHaveLength(2);
  });

  it('refuses a request without the page secret, and one signed with the device secret', async () => {
    const { syncUrl } = await pageConfig(browser);
    for (const headers of [
      {} as Record<string, string>,
      { Authorization: basicAuth(device.deviceId, 'guess') },
      { Authorization: device.auth },
      { Authorization: server.adminAuth },
    ]) {
      const response = await fetch(`${syncUrl}/products`, { headers });
      expect(response.status).toBe(401);
    }
  });
});
