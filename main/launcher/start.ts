/**
 * `npm start`: runs the POS with its embedded defaults. Starts a local sync-server with the demo
 * store when no central server is configured, then opens the Electron window, or, where Electron
 * cannot start, serves the same app on http://127.0.0.1:5180. Ctrl-C stops everything it started.
 */
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDeviceHost } from '../host/device-host';
import { loadHostOptions } from '../host/host-options';
import { startBrowserHost } from '../host/browser-host';
import { electronAvailability } from './electron-availability';
import { withEmbeddedDefaults } from './embedded-defaults';
import { developmentSyncServerCommand } from './local-sync-server';
import { buildAll, buildRenderer, electronBundleIsFresh, rendererIsFresh } from './renderer-build';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cleanups: (() => Promise<void>)[] = [];

async function main(): Promise<void> {
  const options = loadHostOptions(process.env, process.argv.slice(2));
  console.log(`Omnitill: data folder ${options.dataDir}`);

  // OMNITILL_RENDERER_DIR serves an already-built renderer (the end-to-end tests build once).
  const rendererDir = process.env.OMNITILL_RENDERER_DIR ?? join(projectRoot, 'dist', 'renderer');
  if (!process.env.OMNITILL_RENDERER_DIR && !rendererIsFresh(projectRoot)) {
    console.log('Building the app…');
    buildRenderer(projectRoot);
  }

  const embedded = await withEmbeddedDefaults(
    options,
    developmentSyncServerCommand(projectRoot),
    Number(process.env.OMNITILL_SYNC_PORT ?? 7070),
    (line) => {
      if (process.env.OMNITILL_VERBOSE) console.log(line);
    },
    // The dev quick start is the demo store (README); a packaged app asks with --demo.
    // OMNITILL_DEMO=0 starts without it, as a packaged app does: the first-run setup.
    { seedDemo: !/^(0|false|no|off)$/i.test(process.env.OMNITILL_DEMO?.trim() ?? '') },
  );
  cleanups.push(() => embedded.stop());
  if (embedded.localServerUrl)
    console.log(
      embedded.firstRun
        ? `Local sync-server, empty: the page asks for the store and its first manager: ${embedded.localServerUrl}`
        : `Local sync-server with the demo store: ${embedded.localServerUrl}`,
    );
  const config = embedded.options.config;

  // The setup is written by this process's device host, so it needs the browser shell here.
  const electron = embedded.firstRun
    ? { available: false as const, reason: 'the first-run setup runs in the browser shell' }
    : electronAvailability(process.env, process.platform);
  if (electron.available) {
    if (!electronBundleIsFresh(projectRoot)) {
      console.log('Building the Electron app…');
      buildAll(projectRoot);
    }
    const child = spawn(
      electron.binary,
      [join(projectRoot, 'dist', 'electron', 'main.cjs'), '--data', options.dataDir],
      {
        stdio: 'inherit',
        env: { ...process.env, OMNITILL_SERVER_URL: config.serverUrl },
      },
    );
    cleanups.push(
      () =>
        new Promise((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
    );
    child.once('exit', () => void shutdown(0));
    return;
  }

  const port = Number(process.env.PORT ?? 5180);
  const deviceHost = await createDeviceHost({
    host: { ...options, config },
    shell: 'browser',
    firstRun: embedded.firstRun,
  });
  cleanups.push(() => deviceHost.close());
  const browserHost = await startBrowserHost({
    host: '127.0.0.1',
    port,
    staticDir: rendererDir,
    deviceHost,
    connectOrigins: [new URL(config.serverUrl).origin],
    kiosk: options.kiosk,
  });
  cleanups.unshift(() => browserHost.close());
  console.log(
    `Electron cannot start here (${electron.reason}); serving the app in the browser instead.`,
  );
  // The address carries a per-run key: the bare port serves no page (docs/SECURITY.md).
  console.log(`Omnitill is ready: open ${browserHost.url}`);
}

let stopping = false;
async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const cleanup of cleanups) {
    try {
      await cleanup();
    } catch (error) {
      console.error((error as Error).message);
    }
  }
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

main().catch(async (error: unknown) => {
  console.error(`Omnitill could not start: ${(error as Error).message}`);
  await shutdown(1);
});
