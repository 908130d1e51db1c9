/**
 * The app as a register runs it without Electron: `npm start`'s launcher in the browser shell,
 * pointed at the bench's sync-server with an enrolled device's credentials and serving the
 * renderer (and the bench page) built for this run. Its data folder is a temp folder.
 */
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/sync-server-process';
import { startReadyProcess } from './child-process';
import type { Cleanup } from './cleanup';
import { tempDir } from './bench-servers';

export interface AppShellOptions {
  serverUrl: string;
  storeId: string;
  registerId: string;
  deviceId: string;
  secret: string;
  rendererDir: string;
}

export async function startAppShell(
  cleanup: Cleanup,
  options: AppShellOptions,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const dataDir = tempDir(cleanup, 'omnitill-bench-app-');
  const shell = await startReadyProcess({
    name: 'the app (browser shell)',
    command: join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
    args: [join(REPO_ROOT, 'main', 'launcher', 'start.ts')],
    cwd: REPO_ROOT,
    env: {
      OMNITILL_DATA: dataDir,
      OMNITILL_SHELL: 'browser',
      PORT: '0',
      OMNITILL_SERVER_URL: options.serverUrl,
      OMNITILL_STORE_ID: options.storeId,
      OMNITILL_REGISTER_ID: options.registerId,
      OMNITILL_DEVICE_ID: options.deviceId,
      OMNITILL_DEVICE_SECRET: options.secret,
      OMNITILL_RENDERER_DIR: options.rendererDir,
      OMNITILL_LOCALE: 'vi-VN',
    },
    ready: /Omnitill is ready: open (http:\/\/\S+)/,
    timeoutMs: 120_000,
  });
  const stop = cleanup.add('stop the app shell', () => shell.stop());
  return { url: shell.ready, stop };
}
