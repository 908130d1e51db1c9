/**
 * The local sync-server that `npm start` runs with the demo store, reached as its administrator
 * (the launcher keeps the admin token in the data folder), to set up what a test needs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_LOYALTY } from '../../../src/demo';
import type { RunningApp } from './launch-app';

export interface DemoServer {
  url: string;
  auth: string;
}

export function demoServer(app: RunningApp): DemoServer {
  const url = /Local sync-server with the demo store: (http:\/\/\S+)/.exec(app.output())?.[1];
  if (!url) throw new Error(`The app did not say where its sync-server is:\n${app.output()}`);
  const token = readFileSync(join(app.dataDir, 'admin-token'), 'utf8').trim();
  return { url, auth: 'Basic ' + Buffer.from(`admin:${token}`).toString('base64') };
}

export { DEMO_LOYALTY };

/** The demo store runs no loyalty program yet: give it one, as the head office would. */
export async function enableLoyalty(server: DemoServer, storeId = 'hcm-q1'): Promise<void> {
  const url = `${server.url}/db/settings/store_${storeId}`;
  const current = await fetch(url, { headers: { Authorization: server.auth } });
  if (!current.ok) throw new Error(`Reading the store settings failed: ${current.status}`);
  const doc = (await current.json()) as Record<string, unknown>;
  const response = await fetch(url, {
    method: 'PUT',
    headers: { Authorization: server.auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...doc, loyalty: DEMO_LOYALTY, updatedAt: new Date().toISOString() }),
  });
  if (!response.ok)
    throw new Error(`Enabling loyalty failed: ${response.status} ${await response.text()}`);
}
