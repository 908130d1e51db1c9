/**
 * Who gets the device-host token in the browser shell. A local process (or a web page that
 * rebinds its own DNS name to 127.0.0.1) can reach the loopback port, so the token goes only to a
 * request that names this host exactly (Host header) and knows the per-run page address the
 * launcher printed; the real page at that address still gets its token and connects.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startBrowserHost } from '../../../main/host/browser-host';
import type { BrowserHost } from '../../../main/host/browser-host';
import { createDeviceHost } from '../../../main/host/device-host';
import type { DeviceHost } from '../../../main/host/device-host';
import { DEFAULT_REGISTER_CONFIG } from '../../../main/host/host-options';

interface Answer {
  status: number;
  body: string;
}

/** A raw GET with the headers a non-browser client chooses (fetch will not forge Host). */
function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.once('error', reject);
    request.end();
  });
}

function tokenIn(html: string): string | undefined {
  return /name="omnitill-host-token" content="([^"]*)"/.exec(html)?.[1];
}

function socketOpens(url: string, headers: Record<string, string>): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => {
      socket.close();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('the browser shell hands its token only to its own page', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'omnitill-host-token-'));
  const staticDir = join(dataDir, 'renderer');
  let deviceHost: DeviceHost;
  let browser: BrowserHost;

  beforeAll(async () => {
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<html><head></head><body></body></html>');
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("app");');
    deviceHost = await createDeviceHost({
      host: {
        dataDir,
        config: { ...DEFAULT_REGISTER_CONFIG, serverUrl: 'http://127.0.0.1:7070' },
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

  it('answers 403 and no token to a request for another host name (DNS rebinding)', async () => {
    const port = new URL(browser.url).port;
    for (const host of [`attacker.example:${port}`, `localhost:${port}`, '127.0.0.1']) {
      const origin = new URL(browser.url).origin;
      for (const page of [
        browser.url,
        `${browser.url}/`,
        `${browser.url}/kiosk`,
        `${origin}/sync/db`,
      ]) {
        const answer = await get(page, { Host: host });
        expect(answer.status).toBe(403);
        expect(answer.body).not.toContain('omnitill-host-token');
      }
    }
  });

  it('serves no token at the bare address a local process can guess', async () => {
    const origin = new URL(browser.url).origin;
    for (const path of ['/', '/index.html', '/kiosk', '/customer-display']) {
      const answer = await get(`${origin}${path}`);
      expect(answer.status).toBe(403);
      expect(answer.body).not.toContain('omnitill-host-token');
      expect(answer.body).toMatch(/printed when it started/);
    }
  });

  it('gives the page at the printed address its token, its files, and a working socket', async () => {
    const page = await get(`${browser.url}/`);
    expect(page.status).toBe(200);
    const token = tokenIn(page.body);
    expect(token).toBe(browser.token);
    const script = await get(`${browser.url}/assets/app.js`);
    expect(script).toEqual({ status: 200, body: 'console.log("app");' });

    const origin = new URL(browser.url).origin;
    const socketUrl = `${origin.replace(/^http/, 'ws')}/host?token=${token ?? ''}`;
    expect(await socketOpens(socketUrl, { Origin: origin })).toBe(true);
    const rebound = `http://attacker.example:${new URL(origin).port}`;
    expect(await socketOpens(socketUrl, { Origin: rebound, Host: rebound.slice(7) })).toBe(false);
  });
});
