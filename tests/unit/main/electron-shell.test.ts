/**
 * The shell's wiring (shell.ts, main.ts) and the app:// protocol, against a fake Electron: which
 * windows open where, what they load, which policy they get, and that commands reach the real
 * device host only through the checked bridge.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveAppAsset, serveAppRequest } from '../../../main/electron/app-protocol';
import { parseContentSecurityPolicy } from '../../../main/electron/content-security-policy';
import { INVOKE_CHANNEL } from '../../../main/electron/ipc-channels';
import type { ElectronMainApi, ShellHost } from '../../../main/electron/shell';
import { startShell } from '../../../main/electron/shell';
import type { ShellOptions } from '../../../main/electron/shell-options';
import { readShellOptions } from '../../../main/electron/shell-options';
import { createDeviceHost } from '../../../main/host/device-host';
import { DEFAULT_REGISTER_CONFIG } from '../../../main/host/host-options';
import type { DeviceResult } from '../../../src/ipc/contract';

// main.ts imports `electron` itself: the mock hands it whichever fake the test set up.
const electron = vi.hoisted((): { current?: ElectronMainApi } => ({}));
vi.mock('electron', () => ({
  get app() {
    return electron.current?.app;
  },
  get BrowserWindow() {
    return electron.current?.BrowserWindow;
  },
  get ipcMain() {
    return electron.current?.ipcMain;
  },
  get protocol() {
    return electron.current?.protocol;
  },
  get screen() {
    return electron.current?.screen;
  },
  get session() {
    return electron.current?.session;
  },
  dialog: { showErrorBox: vi.fn() },
  // Only used with no central server configured; these tests always configure one.
  utilityProcess: { fork: vi.fn() },
}));

type Listener = (...args: unknown[]) => unknown;

interface FakeWindow {
  options: Record<string, unknown> & { webPreferences: Record<string, unknown> };
  url: string | undefined;
  webContents: { send: ReturnType<typeof vi.fn>; isDestroyed: () => boolean };
  destroyed: boolean;
  emit(event: string): void;
}

/** A fake of the Electron main-process API, recording what the shell does with it. */
function fakeElectron(displays: { id: number; bounds: object }[] = [{ id: 1, bounds: {} }]) {
  const calls: string[] = [];
  const appListeners = new Map<string, Listener>();
  const windows: FakeWindow[] = [];
  class BrowserWindow implements FakeWindow {
    url: string | undefined;
    destroyed = false;
    readonly webContents = { send: vi.fn(), isDestroyed: () => this.destroyed };
    private readonly listeners = new Map<string, Listener[]>();
    constructor(readonly options: FakeWindow['options']) {
      windows.push(this);
    }
    on(event: string, listener: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    once(event: string, listener: Listener) {
      return this.on(event, listener);
    }
    emit(event: string) {
      for (const listener of this.listeners.get(event) ?? []) listener();
    }
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
      this.emit('closed');
    }
    show = vi.fn();
    showInactive = vi.fn();
    isMinimized = () => false;
    restore = vi.fn();
    focus = vi.fn();
  }
  const api = {
    app: {
      enableSandbox: vi.fn(() => calls.push('enableSandbox')),
      requestSingleInstanceLock: vi.fn(() => true),
      quit: vi.fn(),
      on: vi.fn((event: string, listener: Listener) => appListeners.set(event, listener)),
      whenReady: vi.fn(() => {
        calls.push('whenReady');
        return Promise.resolve();
      }),
      isPackaged: true,
    },
    BrowserWindow,
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => calls.push('registerSchemesAsPrivileged')),
      handle: vi.fn(),
    },
    screen: {
      getAllDisplays: () => displays,
      getPrimaryDisplay: () => displays[0],
      on: vi.fn(),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
        webRequest: { onBeforeSendHeaders: vi.fn() },
      },
    },
  };
  return { api, electron: api as unknown as ElectronMainApi, calls, windows, appListeners };
}

const options: ShellOptions = {
  kiosk: false,
  customerDisplay: 'auto',
  devTools: false,
  demoStore: false,
};

// The host keeps its print queue in its data folder: one temporary folder for the whole file.
const hostDataDir = mkdtempSync(path.join(tmpdir(), 'omnitill-shell-host-'));
afterAll(() => rmSync(hostDataDir, { recursive: true, force: true }));

function realHost(serverUrl = 'http://127.0.0.1:7070', kiosk = false): Promise<ShellHost> {
  return createDeviceHost({
    host: { dataDir: hostDataDir, config: { ...DEFAULT_REGISTER_CONFIG, serverUrl }, kiosk },
    shell: 'electron',
  });
}

async function start(fake: ReturnType<typeof fakeElectron>, overrides: Partial<ShellOptions> = {}) {
  const host = await realHost();
  const running = await startShell({
    electron: fake.electron,
    options: { ...options, ...overrides },
    bundleDir: '/opt/omnitill/resources/app.asar/dist/electron',
    createHost: () => Promise.resolve(host),
    readFile: () => Promise.resolve(new TextEncoder().encode('<!doctype html>')),
    log: () => {},
  });
  return { host, running };
}

describe('the Electron shell', () => {
  it('registers app:// as a privileged scheme and enables the sandbox before ready', async () => {
    const fake = fakeElectron();
    await start(fake);
    expect(fake.calls.slice(0, 3)).toEqual([
      'registerSchemesAsPrivileged',
      'enableSandbox',
      'whenReady',
    ]);
    expect(fake.api.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      {
        scheme: 'app',
        privileges: expect.not.objectContaining({ bypassCSP: true }) as unknown,
      },
    ]);
  });

  it('opens the cashier window, secure, on the app origin', async () => {
    const fake = fakeElectron();
    await start(fake);
    expect(fake.windows).toHaveLength(1);
    const [cashier] = fake.windows;
    expect(cashier?.url).toBe('app://omnitill/index.html#/');
    expect(cashier?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      preload: '/opt/omnitill/resources/app.asar/dist/electron/preload.cjs',
    });
    cashier?.emit('ready-to-show');
  });

  it('opens the customer display on the second screen without taking focus', async () => {
    const second = { id: 2, bounds: { x: 1920, y: 0, width: 800, height: 480 } };
    const fake = fakeElectron([{ id: 1, bounds: {} }, second]);
    await start(fake);
    const display = fake.windows.find((window) => window.url?.endsWith('#/customer-display'));
    expect(display?.options).toMatchObject({ ...second.bounds, focusable: false });
    display?.emit('ready-to-show');
    const shown = display as unknown as { showInactive: ReturnType<typeof vi.fn> };
    expect(shown.showInactive).toHaveBeenCalled();
  });

  it('follows the second screen: closes the display when it is unplugged, reopens on return', async () => {
    const displays = [
      { id: 1, bounds: {} },
      { id: 2, bounds: {} },
    ];
    const fake = fakeElectron(displays);
    await start(fake);
    const listener = (event: string) =>
      (fake.api.screen.on.mock.calls as [string, Listener][]).find(([name]) => name === event)?.[1];
    const customerWindows = () =>
      fake.windows.filter((window) => window.url?.endsWith('#/customer-display'));
    const unplugged = displays.pop();
    listener('display-removed')?.();
    expect(customerWindows().map((window) => window.destroyed)).toEqual([true]);
    if (unplugged !== undefined) displays.push(unplugged);
    listener('display-added')?.();
    expect(customerWindows().map((window) => window.destroyed)).toEqual([true, false]);
  });

  it('in kiosk mode opens only the locked kiosk window', async () => {
    const fake = fakeElectron([
      { id: 1, bounds: {} },
      { id: 2, bounds: {} },
    ]);
    await start(fake, { kiosk: true });
    expect(fake.windows.map((window) => window.url)).toEqual(['app://omnitill/index.html#/kiosk']);
    expect(fake.windows[0]?.options).toMatchObject({ kiosk: true, fullscreen: true });
  });

  it('serves the renderer with a policy that connects only to the configured sync-server', async () => {
    const fake = fakeElectron();
    const { running } = await start(fake);
    const policy = parseContentSecurityPolicy(running?.contentSecurityPolicy ?? '');
    expect(policy.get('connect-src')).toEqual(["'self'", 'http://127.0.0.1:7070']);
    const [scheme, handler] = fake.api.protocol.handle.mock.calls[0] as [string, Listener];
    expect(scheme).toBe('app');
    const response = (await handler({
      url: 'app://omnitill/index.html',
      method: 'GET',
    })) as Response;
    expect(response.headers.get('content-security-policy')).toBe(running?.contentSecurityPolicy);
    expect(fake.api.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
  });

  it('hardens every web contents Electron creates', async () => {
    const fake = fakeElectron();
    await start(fake);
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    fake.appListeners.get('web-contents-created')?.({}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.on).toHaveBeenCalledWith('will-navigate', expect.any(Function));
  });

  it('bridges the cashier window to the real device host, and refuses unknown commands', async () => {
    const fake = fakeElectron();
    const { host } = await start(fake);
    const spy = vi.spyOn(host, 'invoke');
    const [channel, handler] = fake.api.ipcMain.handle.mock.calls[0] as [string, Listener];
    expect(channel).toBe(INVOKE_CHANNEL);
    const event = {
      sender: fake.windows[0]?.webContents,
      senderFrame: { url: 'app://omnitill/index.html#/' },
    };
    const config = (await handler(event, 'app/config', null)) as DeviceResult<{ shell: string }>;
    expect(config).toMatchObject({ ok: true, value: { shell: 'electron' } });
    await expect(handler(event, 'app/quit', null)).resolves.toMatchObject({ code: 'bad-request' });
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('closes the device host before the app quits', async () => {
    const fake = fakeElectron();
    const { host } = await start(fake);
    const close = vi.spyOn(host, 'close');
    const event = { preventDefault: vi.fn() };
    fake.appListeners.get('before-quit')?.(event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(fake.api.app.quit).toHaveBeenCalled());
    expect(close).toHaveBeenCalled();
    expect(fake.api.ipcMain.removeHandler).toHaveBeenCalledWith(INVOKE_CHANNEL);
  });

  it('a second instance quits at once: one process per serial port and database', async () => {
    const fake = fakeElectron();
    fake.api.app.requestSingleInstanceLock.mockReturnValue(false);
    const { running } = await start(fake);
    expect(running).toBeNull();
    expect(fake.api.app.quit).toHaveBeenCalled();
    expect(fake.windows).toHaveLength(0);
  });
});

describe('shell options', () => {
  it.each([
    [['--kiosk'], {}, { kiosk: true }],
    [[], { OMNITILL_KIOSK: '1' }, { kiosk: true }],
    [[], {}, { kiosk: false, customerDisplay: 'auto', devTools: false, demoStore: false }],
    [['--customer-display'], {}, { customerDisplay: 'always' }],
    [[], { OMNITILL_CUSTOMER_DISPLAY: '0' }, { customerDisplay: 'never' }],
    // A packaged till never opens DevTools: they would let anyone at the counter script the page.
    [['--devtools'], { OMNITILL_DEVTOOLS: '1' }, { devTools: false }],
    // A packaged app seeds the demo staff (well-known PINs) only when asked.
    [['--demo'], {}, { demoStore: true }],
    [[], { OMNITILL_DEMO: '1' }, { demoStore: true }],
  ])('packaged: argv %j, env %j → %j', (argv, env, expected) => {
    expect(readShellOptions(argv, env, true)).toMatchObject(expected);
  });

  it('developer tools and the demo store are on when running unpackaged (npm start)', () => {
    expect(readShellOptions([], {}, false)).toMatchObject({ devTools: true, demoStore: true });
  });
});

describe('app:// protocol', () => {
  const root = '/opt/omnitill/dist/renderer';

  it.each([
    ['app://omnitill/', `${root}/index.html`],
    ['app://omnitill/index.html', `${root}/index.html`],
    ['app://omnitill/assets/index-abc.js?v=1#x', `${root}/assets/index-abc.js`],
  ])('%s is served from %s', (url, file) => {
    expect(resolveAppAsset(url, root)).toBe(file);
  });

  it.each([
    'app://omnitill/../../etc/passwd',
    'app://omnitill/%2e%2e/%2e%2e/etc/passwd',
    'app://omnitill/assets/..%2F..%2F..%2Fetc%2Fpasswd',
    'app://omnitill/..%5C..%5Cwindows',
  ])('%s never leaves the renderer folder', (url) => {
    const file = resolveAppAsset(url, root);
    if (file !== null) expect(file.startsWith(`${root}/`)).toBe(true);
  });

  it.each([
    'app://omnitill/assets/..%2F..%2F..%2Fetc%2Fpasswd',
    'app://omnitill/..%5C..%5Cwindows',
    'app://omnitill/a%00.js',
    'app://evil/index.html',
    'https://omnitill/index.html',
    'app://omnitill/%E0%A4%A',
  ])('%s is refused', (url) => {
    expect(resolveAppAsset(url, root)).toBeNull();
  });

  describe('responses', () => {
    let folder = '';
    beforeEach(async () => {
      folder = await mkdtemp(path.join(tmpdir(), 'omnitill-protocol-'));
    });
    afterEach(async () => {
      await rm(folder, { recursive: true, force: true });
    });

    const serve = (url: string, method = 'GET') =>
      serveAppRequest(
        { url, method },
        {
          rendererRoot: folder,
          contentSecurityPolicy: "default-src 'self'",
          readFile: (file) =>
            file.endsWith('index.js')
              ? Promise.resolve(new TextEncoder().encode('export {};'))
              : Promise.reject(new Error('ENOENT')),
        },
      );

    it('serves module scripts as JavaScript, with the policy and nosniff', async () => {
      const response = await serve('app://omnitill/assets/index.js');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe("default-src 'self'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toBe('export {};');
    });

    it('answers 404 for missing files and 405 for anything but GET and HEAD', async () => {
      expect((await serve('app://omnitill/missing.js')).status).toBe(404);
      expect((await serve('app://omnitill/assets/index.js', 'POST')).status).toBe(405);
    });
  });
});

describe('main.ts, the entry', () => {
  let dataDir = '';
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'omnitill-main-'));
    vi.stubEnv('OMNITILL_DATA', dataDir);
    vi.stubEnv('OMNITILL_SERVER_URL', 'https://sync.omnitill.example');
    vi.resetModules();
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts the shell with the real device host and its configured sync-server', async () => {
    const fake = fakeElectron();
    electron.current = fake.electron;
    await import('../../../main/electron/main');
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    const [, handler] = fake.api.protocol.handle.mock.calls[0] as [string, Listener];
    const response = (await handler({
      url: 'app://omnitill/nothing-here',
      method: 'GET',
    })) as Response;
    expect(response.status).toBe(404);
    const policy = parseContentSecurityPolicy(
      response.headers.get('content-security-policy') ?? '',
    );
    expect(policy.get('connect-src')).toEqual(["'self'", 'https://sync.omnitill.example']);
  });

  it("re-signs the page's server requests with the device secret, which the page never gets", async () => {
    vi.stubEnv('OMNITILL_DEVICE_ID', 'dev_1');
    vi.stubEnv('OMNITILL_DEVICE_SECRET', 'device-secret');
    const fake = fakeElectron();
    electron.current = fake.electron;
    await import('../../../main/electron/main');
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    const [, onHeaders] = fake.api.session.defaultSession.webRequest.onBeforeSendHeaders.mock
      .calls[0] as [unknown, (details: unknown, callback: (answer: unknown) => void) => void];
    const basic = (secret: string) => `Basic ${btoa(`dev_1:${secret}`)}`;
    const headersFor = (url: string, authorization: string) =>
      new Promise<Record<string, string>>((resolve) =>
        onHeaders(
          { url, requestHeaders: { Authorization: authorization, Accept: 'application/json' } },
          (answer) =>
            resolve((answer as { requestHeaders: Record<string, string> }).requestHeaders),
        ),
      );
    // What the page learns from app/config, through the bridge its window uses.
    const [, bridge] = fake.api.ipcMain.handle.mock.calls[0] as [string, Listener];
    const config = (await bridge(
      { sender: fake.windows[0]?.webContents, senderFrame: { url: 'app://omnitill/index.html' } },
      'app/config',
      null,
    )) as DeviceResult<{ deviceId: string; deviceSecret: string }>;
    if (!config.ok) throw new Error(config.message);
    expect(config.value.deviceId).toBe('dev_1');
    expect(config.value.deviceSecret).not.toBe('device-secret');
    const signed = await headersFor(
      'https://sync.omnitill.example/db/products/_changes?feed=longpoll',
      basic(config.value.deviceSecret),
    );
    expect(signed).toEqual({ Accept: 'application/json', Authorization: basic('device-secret') });
    const guessed = await headersFor('https://sync.omnitill.example/db/products', basic('guess'));
    expect(guessed).toEqual({ Accept: 'application/json' });
    const elsewhere = await headersFor('https://example.org/', basic('guess'));
    expect(elsewhere.Authorization).toBe(basic('guess'));
  });
});
