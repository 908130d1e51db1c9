/**
 * The Electron shell's wiring: protocol, session policy, windows, IPC bridge, lifecycle. It takes
 * the Electron main-process API as a parameter (main.ts passes the real one), so this whole file
 * runs under test with fakes and only main.ts imports `electron` at run time.
 */
import type { App, BrowserWindow, IpcMain, Protocol, Rectangle, Screen, Session } from 'electron';
import path from 'node:path';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, rendererUrl, serveAppRequest } from './app-protocol';
import { buildContentSecurityPolicy } from './content-security-policy';
import type { BridgeWindow, DeviceHostPort } from './ipc-bridge';
import { registerIpcBridge } from './ipc-bridge';
import type { ServerAccess } from '../host/server-access';
import { hardenSession, hardenWebContents } from './navigation-policy';
import { signServerRequests } from './server-signing';
import type { ShellOptions } from './shell-options';
import type { WindowRole } from './window-options';
import { WINDOW_ROUTES, createWindowOptions, pickCustomerDisplay } from './window-options';

/** The parts of `electron` the shell uses; main.ts passes the module itself. */
export interface ElectronMainApi {
  app: App;
  BrowserWindow: typeof BrowserWindow;
  ipcMain: IpcMain;
  protocol: Protocol;
  screen: Screen;
  session: { readonly defaultSession: Session };
}

export interface ShellHost extends DeviceHostPort {
  /** When given, the page's sync-server requests are re-signed with the device's credentials. */
  serverAccess?: ServerAccess;
  close(): Promise<void>;
}

export interface ShellDependencies {
  electron: ElectronMainApi;
  options: ShellOptions;
  /** Folder of main.cjs and preload.cjs (dist/electron); the renderer is in ../renderer. */
  bundleDir: string;
  createHost: () => Promise<ShellHost>;
  readFile: (file: string) => Promise<Uint8Array>;
  log?: (message: string) => void;
}

export interface RunningShell {
  host: ShellHost;
  contentSecurityPolicy: string;
  windows: () => readonly BridgeWindow[];
}

/** The sync and API URLs the renderer must reach, from the host's own view of its config. */
async function connectUrlsOf(host: ShellHost): Promise<{ urls: string[]; kiosk: boolean }> {
  const config = await host.invoke('app/config', null, 'cashier');
  if (!config.ok) return { urls: [], kiosk: false };
  const value = config.value as { syncUrl?: unknown; apiUrl?: unknown; kiosk?: unknown };
  const urls = [value.syncUrl, value.apiUrl].filter(
    (url): url is string => typeof url === 'string',
  );
  return { urls, kiosk: value.kiosk === true };
}

/**
 * Starts the shell. Returns null when another instance already runs: two processes must never
 * share one serial port or one local database.
 */
export async function startShell(deps: ShellDependencies): Promise<RunningShell | null> {
  const { app, BrowserWindow, ipcMain, protocol, screen, session } = deps.electron;
  const log = deps.log ?? ((message: string) => console.log(`[omnitill] ${message}`));

  // These must happen before 'ready'.
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  // Every webContents, including ones we did not create on purpose, gets the navigation policy.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  await app.whenReady();

  const host = await deps.createHost();
  const { urls, kiosk: kioskFromConfig } = await connectUrlsOf(host);
  const kiosk = deps.options.kiosk || kioskFromConfig;
  const contentSecurityPolicy = buildContentSecurityPolicy({ connectUrls: urls });

  hardenSession(session.defaultSession);
  if (host.serverAccess) signServerRequests(session.defaultSession, host.serverAccess);
  const rendererRoot = path.join(deps.bundleDir, '..', 'renderer');
  protocol.handle(APP_SCHEME, (request) =>
    serveAppRequest(request, { rendererRoot, contentSecurityPolicy, readFile: deps.readFile }),
  );

  const open: { role: WindowRole; window: BrowserWindow; displayId?: number }[] = [];
  const windows = (): readonly BridgeWindow[] =>
    open
      .filter(({ window }) => !window.isDestroyed())
      .map(({ role, window }) => ({ role, contents: window.webContents }));
  const disposeBridge = registerIpcBridge({ ipcMain, host, windows });

  const preloadPath = path.join(deps.bundleDir, 'preload.cjs');
  function openWindow(
    role: WindowRole,
    display?: { id: number; bounds: Rectangle },
  ): BrowserWindow {
    const window = new BrowserWindow(
      createWindowOptions({
        role,
        preloadPath,
        devTools: deps.options.devTools,
        ...(display === undefined ? {} : { displayBounds: display.bounds }),
      }),
    );
    const entry = { role, window, ...(display === undefined ? {} : { displayId: display.id }) };
    open.push(entry);
    window.once('ready-to-show', () => {
      // The customer display must not steal focus (and scanner keystrokes) from the cashier.
      if (role === 'customer-display') window.showInactive();
      else window.show();
    });
    window.on('closed', () => {
      const index = open.indexOf(entry);
      if (index >= 0) open.splice(index, 1);
    });
    window.loadURL(rendererUrl(WINDOW_ROUTES[role])).catch((error: unknown) => {
      log(`${role} window failed to load: ${String(error)}`);
    });
    return window;
  }

  function customerWindow() {
    return open.find((entry) => entry.role === 'customer-display' && !entry.window.isDestroyed());
  }

  /** Opens or closes the customer display to match the screens attached right now. */
  function syncCustomerDisplay(): void {
    if (kiosk || deps.options.customerDisplay === 'never') return;
    const target = pickCustomerDisplay(screen.getAllDisplays(), screen.getPrimaryDisplay().id);
    const current = customerWindow();
    if (deps.options.customerDisplay === 'always') {
      if (current === undefined) openWindow('customer-display', target);
      return;
    }
    if (current !== undefined && (target === undefined || current.displayId !== target.id)) {
      // destroy, not close: the slot must be free now, not after an async close.
      current.window.destroy();
    }
    if (target !== undefined && customerWindow() === undefined) {
      openWindow('customer-display', target);
    }
  }

  const main = openWindow(kiosk ? 'kiosk' : 'cashier');
  syncCustomerDisplay();
  screen.on('display-added', syncCustomerDisplay);
  screen.on('display-removed', syncCustomerDisplay);

  app.on('second-instance', () => {
    if (main.isDestroyed()) return;
    if (main.isMinimized()) main.restore();
    main.focus();
  });
  // A till has no dock life: closing the main window ends the app on every platform.
  main.on('closed', () => app.quit());
  app.on('window-all-closed', () => app.quit());

  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    // Let the host finish what it is writing (print queue, scans) before the process goes.
    closing = true;
    event.preventDefault();
    disposeBridge();
    host
      .close()
      .catch((error: unknown) => log(`device host did not close cleanly: ${String(error)}`))
      .finally(() => app.quit());
  });

  return { host, contentSecurityPolicy, windows };
}
