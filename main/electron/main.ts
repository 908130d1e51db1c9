/**
 * Electron main-process entry (bundled to dist/electron/main.cjs). The only main-process file that
 * imports `electron` at run time: it hands the real module to the shell (shell.ts) and the shared
 * device host to the IPC bridge. Everything it wires is tested without Electron.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  protocol,
  screen,
  session,
  utilityProcess,
} from 'electron';
import { readFile } from 'node:fs/promises';
import { createDeviceHost } from '../host/device-host';
import { loadHostOptions } from '../host/host-options';
import { withEmbeddedDefaults } from '../launcher/embedded-defaults';
import { readShellOptions } from './shell-options';
import { startShell } from './shell';
import { utilitySyncServerCommand } from './utility-sync-server';

const options = readShellOptions(process.argv, process.env, app.isPackaged);

startShell({
  electron: { app, BrowserWindow, ipcMain, protocol, screen, session },
  options,
  // esbuild emits CommonJS: __dirname is dist/electron, next to preload.cjs.
  bundleDir: __dirname,
  readFile: (file) => readFile(file),
  // Inside the factory so a broken register.json ends in the error box below, not a crash.
  createHost: async () => {
    // With no central server configured, the packaged app runs its bundled sync-server in a
    // utility process (runAsNode stays off), as `npm start` does with tsx; the demo store
    // (well-known PINs) only in development or with --demo.
    const embedded = await withEmbeddedDefaults(
      loadHostOptions(process.env, process.argv),
      utilitySyncServerCommand(utilityProcess, __dirname),
      Number(process.env.OMNITILL_SYNC_PORT ?? 7070),
      (line) => console.log(line),
      { seedDemo: options.demoStore },
    );
    const host = await createDeviceHost({
      host: embedded.options,
      shell: 'electron',
      // A new local server with no staff: the window shows the first-run setup.
      firstRun: embedded.firstRun,
    });
    return {
      invoke: (command, request, role) => host.invoke(command, request, role),
      subscribe: (listener) => host.subscribe(listener),
      serverAccess: host.serverAccess,
      close: async () => {
        await host.close();
        await embedded.stop();
      },
    };
  },
}).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Omnitill could not start: ${message}`);
  dialog.showErrorBox('Omnitill could not start', message);
  app.exit(1);
});
