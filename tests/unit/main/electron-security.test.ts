/**
 * The Electron shell's security posture, without Electron: every module is driven with fakes and
 * the `electron` module itself is mocked (its binary is not installed here, and a real import
 * would throw).
 */
import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  buildContentSecurityPolicy,
  parseContentSecurityPolicy,
} from '../../../main/electron/content-security-policy';
import { dispatchInvoke, registerIpcBridge } from '../../../main/electron/ipc-bridge';
import type { BridgeWindow, DeviceHostPort } from '../../../main/electron/ipc-bridge';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../main/electron/ipc-channels';
import {
  hardenSession,
  hardenWebContents,
  isAllowedNavigation,
  isPermissionGranted,
} from '../../../main/electron/navigation-policy';
import { createWindowOptions } from '../../../main/electron/window-options';
import type { WindowRole } from '../../../main/electron/window-options';
import type { DeviceApi, DeviceEvent, DeviceResult } from '../../../src/ipc/contract';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
}));
vi.mock('electron', () => electron);

const SYNC_URL = 'http://127.0.0.1:7070/db';
const API_URL = 'http://127.0.0.1:7070/api/v1';
const APP_PAGE = 'app://omnitill/index.html#/';

describe('window options', () => {
  const roles: WindowRole[] = ['cashier', 'customer-display', 'kiosk'];

  it.each(roles)('the %s window is isolated, sandboxed and has no Node', (role) => {
    const options = createWindowOptions({ role, preloadPath: '/app/preload.cjs', devTools: false });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
    expect(options.show).toBe(false);
  });

  it('the kiosk window is a locked full-screen kiosk', () => {
    const options = createWindowOptions({ role: 'kiosk', preloadPath: 'p', devTools: false });
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, frame: false });
  });

  it('the customer display fills its own screen and never takes focus from the cashier', () => {
    const bounds = { x: 1920, y: 0, width: 1024, height: 600 };
    const options = createWindowOptions({
      role: 'customer-display',
      preloadPath: 'p',
      devTools: false,
      displayBounds: bounds,
    });
    expect(options).toMatchObject({ ...bounds, fullscreen: true, focusable: false });
  });
});

describe('content security policy', () => {
  const policy = buildContentSecurityPolicy({ connectUrls: [SYNC_URL, API_URL] });
  const directives = parseContentSecurityPolicy(policy);

  it('allows scripts and styles from the app only, never inline or eval', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('*');
  });

  it('connects to the app and the configured sync-server origin, nothing else', () => {
    expect(directives.get('connect-src')).toEqual(["'self'", 'http://127.0.0.1:7070']);
    const sources = [...directives.values()].flat();
    const local = ['data:', 'blob:']; // blob: the page's own object URLs (product pictures)
    const remote = sources.filter((source) => !source.startsWith("'") && !local.includes(source));
    expect(new Set(remote)).toEqual(new Set(['http://127.0.0.1:7070']));
  });

  it('drops URLs that would widen the policy: other schemes, credentials, garbage', () => {
    const widened = buildContentSecurityPolicy({
      connectUrls: [
        'javascript:alert(1)',
        'file:///etc/passwd',
        'https://user:secret@sync.example.vn/db',
        'not a url',
        '*',
        '',
      ],
    });
    expect(parseContentSecurityPolicy(widened).get('connect-src')).toEqual(["'self'"]);
  });

  it('with no sync-server configured, the page connects to itself only', () => {
    const alone = parseContentSecurityPolicy(buildContentSecurityPolicy({ connectUrls: [] }));
    expect(alone.get('connect-src')).toEqual(["'self'"]);
  });
});

type Listener = (...args: unknown[]) => unknown;

/** A webContents that records its listeners so a test can fire navigation events. */
function fakeWebContents() {
  const listeners = new Map<string, Listener[]>();
  let windowOpenHandler: Listener | undefined;
  const contents = {
    on: vi.fn((event: string, listener: Listener) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    }),
    setWindowOpenHandler: vi.fn((handler: Listener) => {
      windowOpenHandler = handler;
    }),
    isDestroyed: vi.fn(() => false),
    send: vi.fn(),
  };
  return {
    contents,
    asWebContents: contents as unknown as WebContents,
    /** Fires an event with a preventable first argument; true when a listener prevented it. */
    fire(event: string, url: string): boolean {
      const preventDefault = vi.fn();
      for (const listener of listeners.get(event) ?? []) listener({ url, preventDefault }, url);
      return preventDefault.mock.calls.length > 0;
    },
    openWindow(url: string): unknown {
      return windowOpenHandler?.({ url });
    },
  };
}

describe('navigation policy', () => {
  it.each([
    ['app://omnitill/index.html#/customer-display', true],
    ['app://omnitill/assets/index.js', true],
    ['https://evil.example/phish', false],
    ['http://127.0.0.1:7070/db', false],
    ['app://other-host/index.html', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('navigation to %s allowed: %s', (url, allowed) => {
    expect(isAllowedNavigation(url)).toBe(allowed);
  });

  it('prevents navigations and redirects to another origin, keeps app routes', () => {
    const page = fakeWebContents();
    hardenWebContents(page.asWebContents);
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(page.fire(event, 'https://evil.example/')).toBe(true);
      expect(page.fire(event, 'app://omnitill/index.html#/kiosk')).toBe(false);
    }
  });

  it('denies every window.open, even to the app itself', () => {
    const page = fakeWebContents();
    hardenWebContents(page.asWebContents);
    expect(page.openWindow('https://evil.example/')).toEqual({ action: 'deny' });
    expect(page.openWindow('app://omnitill/index.html')).toEqual({ action: 'deny' });
  });

  it('never attaches a <webview>', () => {
    const page = fakeWebContents();
    hardenWebContents(page.asWebContents);
    expect(page.fire('will-attach-webview', 'app://omnitill/index.html')).toBe(true);
  });

  it('denies permission requests; only local-network access is kept, for the app origin', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    hardenSession(session as unknown as Session);
    const [requestHandler] = session.setPermissionRequestHandler.mock.calls[0] as [Listener];
    const ask = (permission: string, requestingUrl: string): unknown => {
      const callback = vi.fn();
      requestHandler(undefined, permission, callback, { requestingUrl });
      return callback.mock.calls[0]?.[0];
    };
    for (const permission of ['media', 'geolocation', 'notifications', 'serial', 'hid', 'usb']) {
      expect(ask(permission, APP_PAGE)).toBe(false);
    }
    expect(ask('clipboard-read', APP_PAGE)).toBe(false);
    expect(ask('local-network-access', APP_PAGE)).toBe(true);
    expect(ask('local-network-access', 'https://evil.example/')).toBe(false);
    expect(isPermissionGranted('media', 'app://omnitill')).toBe(false);
    const [checkHandler] = session.setPermissionCheckHandler.mock.calls[0] as [Listener];
    expect(checkHandler(undefined, 'media', 'app://omnitill')).toBe(false);
    const [deviceHandler] = session.setDevicePermissionHandler.mock.calls[0] as [Listener];
    expect(deviceHandler({ deviceType: 'serial', origin: 'app://omnitill' })).toBe(false);
  });
});

function fakeHost() {
  const listeners: ((event: DeviceEvent, payload: unknown) => void)[] = [];
  const host = {
    invoke: vi.fn((): Promise<DeviceResult<unknown>> =>
      Promise.resolve({ ok: true, value: 'from host' }),
    ),
    subscribe: vi.fn((listener: (event: DeviceEvent, payload: unknown) => void) => {
      listeners.push(listener);
      return () => listeners.splice(listeners.indexOf(listener), 1);
    }),
  } satisfies DeviceHostPort;
  return {
    host,
    emit: (event: DeviceEvent, payload: unknown) => {
      for (const listener of [...listeners]) listener(event, payload);
    },
    listenerCount: () => listeners.length,
  };
}

describe('IPC dispatch', () => {
  const cashier = { role: 'cashier', frameUrl: APP_PAGE } as const;

  it.each([['printer/format-disk'], ['__proto__'], [42], [{ command: 'drawer/open' }], [null]])(
    'refuses the unknown command %j with bad-request, never reaching the host',
    async (command) => {
      const { host } = fakeHost();
      const result = await dispatchInvoke(host, cashier, command, null);
      expect(result).toMatchObject({ ok: false, code: 'bad-request', canRetry: false });
      expect(host.invoke).not.toHaveBeenCalled();
    },
  );

  it('refuses commands from a sender that is not one of the app windows', async () => {
    const { host } = fakeHost();
    const stranger = await dispatchInvoke(
      host,
      { role: undefined, frameUrl: APP_PAGE },
      'device/status',
      null,
    );
    const foreignPage = await dispatchInvoke(
      host,
      { role: 'cashier', frameUrl: 'https://evil.example/' },
      'device/status',
      null,
    );
    const noFrame = await dispatchInvoke(
      host,
      { role: 'cashier', frameUrl: undefined },
      'device/status',
      null,
    );
    for (const result of [stranger, foreignPage, noFrame]) {
      expect(result).toMatchObject({ ok: false, code: 'not-allowed' });
    }
    expect(host.invoke).not.toHaveBeenCalled();
  });

  it('keeps the cash drawer to the cashier screen', async () => {
    const { host } = fakeHost();
    const request = { reason: 'no-sale', staffId: 'staff-1' };
    for (const role of ['kiosk', 'customer-display'] as const) {
      const result = await dispatchInvoke(
        host,
        { role, frameUrl: APP_PAGE },
        'drawer/open',
        request,
      );
      expect(result).toMatchObject({ ok: false, code: 'not-allowed' });
    }
    expect(host.invoke).not.toHaveBeenCalled();
    await expect(dispatchInvoke(host, cashier, 'drawer/open', request)).resolves.toEqual({
      ok: true,
      value: 'from host',
    });
    expect(host.invoke).toHaveBeenCalledWith('drawer/open', request, 'cashier');
  });

  it('turns a host that throws into a device-error result', async () => {
    const { host } = fakeHost();
    host.invoke.mockRejectedValueOnce(new Error('port vanished'));
    await expect(dispatchInvoke(host, cashier, 'device/status', null)).resolves.toEqual({
      ok: false,
      code: 'device-error',
      message: 'port vanished',
      canRetry: true,
    });
  });
});

describe('IPC bridge', () => {
  function setup() {
    const ipcMain = { handle: vi.fn(), removeHandler: vi.fn() };
    const fake = fakeHost();
    const cashierPage = fakeWebContents();
    const displayPage = fakeWebContents();
    const windows: BridgeWindow[] = [
      { role: 'cashier', contents: cashierPage.asWebContents },
      { role: 'customer-display', contents: displayPage.asWebContents },
    ];
    const dispose = registerIpcBridge({ ipcMain, host: fake.host, windows: () => windows });
    const [channel, handler] = ipcMain.handle.mock.calls[0] as [string, Listener];
    return { ipcMain, fake, cashierPage, displayPage, dispose, channel, handler };
  }

  it('listens on the one invoke channel and routes by the sending window', async () => {
    const { ipcMain, fake, cashierPage, channel, handler } = setup();
    expect(ipcMain.handle).toHaveBeenCalledTimes(1);
    expect(channel).toBe(INVOKE_CHANNEL);
    const fromCashier = { sender: cashierPage.asWebContents, senderFrame: { url: APP_PAGE } };
    await expect(handler(fromCashier, 'device/status', null)).resolves.toMatchObject({ ok: true });
    const fromElsewhere = {
      sender: fakeWebContents().asWebContents,
      senderFrame: { url: APP_PAGE },
    };
    await expect(handler(fromElsewhere, 'device/status', null)).resolves.toMatchObject({
      code: 'not-allowed',
    });
    await expect(handler(fromCashier, 'shell/exec', 'rm -rf /')).resolves.toMatchObject({
      code: 'bad-request',
    });
    expect(fake.host.invoke).toHaveBeenCalledTimes(1);
  });

  it('forwards host events on the event channel to the windows whose role may see them', () => {
    const { fake, cashierPage, displayPage } = setup();
    const scan = { scannerId: 's1', raw: '8934567890123', at: '2025-01-01T00:00:00.000Z' };
    fake.emit('scanner/scan', scan);
    fake.emit('display/state', { mode: 'idle' });
    expect(cashierPage.contents.send.mock.calls).toEqual([
      [EVENT_CHANNEL, 'scanner/scan', scan],
      [EVENT_CHANNEL, 'display/state', { mode: 'idle' }],
    ]);
    // The customer display mirrors the sale; it has no business with raw scans.
    expect(displayPage.contents.send.mock.calls).toEqual([
      [EVENT_CHANNEL, 'display/state', { mode: 'idle' }],
    ]);
  });

  it('skips destroyed windows and removes everything when disposed', () => {
    const { ipcMain, fake, cashierPage, dispose } = setup();
    cashierPage.contents.isDestroyed.mockReturnValue(true);
    fake.emit('device/status', { id: 'printer' });
    expect(cashierPage.contents.send).not.toHaveBeenCalled();
    dispose();
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(INVOKE_CHANNEL);
    expect(fake.listenerCount()).toBe(0);
  });
});

describe('preload', () => {
  beforeEach(() => {
    vi.resetModules();
    vi.clearAllMocks();
  });

  async function loadPreload(): Promise<DeviceApi> {
    await import('../../../main/electron/preload');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [
      string,
      DeviceApi,
    ];
    expect(name).toBe('omnitill');
    return api;
  }

  it('exposes exactly invoke and on, frozen', async () => {
    const api = await loadPreload();
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('invoke goes through the one invoke channel', async () => {
    const api = await loadPreload();
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: [] });
    await expect(api.invoke('printer/jobs', null)).resolves.toEqual({ ok: true, value: [] });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(INVOKE_CHANNEL, 'printer/jobs', null);
  });

  it('on delivers only its event, only the payload, and unsubscribes', async () => {
    const api = await loadPreload();
    const listener = vi.fn();
    const unsubscribe = api.on('printer/job', listener);
    const [channel, forward] = electron.ipcRenderer.on.mock.calls[0] as [string, Listener];
    expect(channel).toBe(EVENT_CHANNEL);
    const ipcEvent = { sender: 'the ipcRenderer itself', ports: [] };
    forward(ipcEvent, 'scanner/scan', { raw: '123' });
    forward(ipcEvent, 'printer/job', { jobId: 'job-1' });
    expect(listener.mock.calls).toEqual([[{ jobId: 'job-1' }]]);
    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(EVENT_CHANNEL, forward);
  });
});
