/**
 * The manager and kiosk tests' set-up: their own sync-server (seeded with the demo store) that a
 * test can write to as the admin and stop to go offline, and the app started like `npm start`
 * against it with an enrolled register's credentials.
 */
import { generateDemoData } from '../../../src/demo';
import type { StoreSettingsDoc } from '../../../src/documents';
import { startDemoSyncServer } from './demo-sync-server';
import type { SyncServerProcess } from '../../helpers/sync-server-process';
import { launchApp } from './launch-app';
import type { RunningApp } from './launch-app';

export interface ManagerStack {
  server: SyncServerProcess;
  app: RunningApp;
  /** Writes a document into a server database as the admin (what the server itself may write). */
  put(db: string, doc: { id: string } & Record<string, unknown>): Promise<void>;
  /** The demo store's settings as seeded, to change and put back (promotions, loyalty). */
  demoSettings(storeId?: string): StoreSettingsDoc;
  stop(): Promise<void>;
}

export async function startManagerStack(env: Record<string, string> = {}): Promise<ManagerStack> {
  const server = await startDemoSyncServer();
  const device = await server.enrollDevice('hcm-q1', 'manager e2e register');
  const app = await launchApp({
    env: {
      OMNITILL_SERVER_URL: server.url,
      OMNITILL_DEVICE_ID: device.deviceId,
      OMNITILL_DEVICE_SECRET: device.secret,
      ...env,
    },
  });
  const put = async (db: string, doc: { id: string } & Record<string, unknown>): Promise<void> => {
    const { id, ...rest } = doc;
    const current = await fetch(`${server.url}/db/${db}/${encodeURIComponent(doc.id)}`, {
      headers: { Authorization: server.adminAuth },
    });
    const rev = current.ok ? ((await current.json()) as { _rev: string })._rev : undefined;
    const response = await fetch(`${server.url}/db/${db}/${encodeURIComponent(doc.id)}`, {
      method: 'PUT',
      headers: { Authorization: server.adminAuth, 'Content-Type': 'application/json' },
      // Stored with `_id` only, as RxDB writes them (docs/API.md).
      body: JSON.stringify({ ...rest, _id: id, ...(rev ? { _rev: rev } : {}) }),
    });
    if (!response.ok) throw new Error(`PUT ${db}/${doc.id}: ${await response.text()}`);
  };
  return {
    server,
    app,
    put,
    demoSettings: (storeId = 'hcm-q1') => {
      const stores = generateDemoData({
        now: new Date().toISOString(),
        productCount: 1,
        customerCount: 0,
      }).stores;
      const found = stores.find((store) => store.storeId === storeId);
      if (!found) throw new Error(`No demo store ${storeId}`);
      return found;
    },
    stop: async () => {
      await app.stop();
      await server.stop();
    },
  };
}
