/**
 * The device host both shells share: the Electron main process and the browser shell's loopback
 * server hand every renderer command to `invoke`, and forward what `subscribe` reports. Devices
 * report, they do not throw: every command answers with a DeviceResult.
 */
import type {
  AppConfig,
  CommandRequest,
  CommandResponse,
  CustomerDisplayState,
  DeviceCommand,
  DeviceEvent,
  DeviceEvents,
  DeviceResult,
  DeviceSetup,
} from '../../src/ipc/contract';
import { isDeviceCommand } from '../../src/ipc/contract';
import { isScreenRole, roleMayInvoke } from '../../src/ipc/device-roles';
import type { ScreenRole } from '../../src/ipc/device-roles';
import { buildTestReceipt } from '../../src/receipt/builders';
import { createReceiptPrinter, parsePrinterUrl } from '../devices/printer';
import { checkFilePrinterPath } from '../devices/printer/printer-device-path';
import { openHostDevices } from './host-devices';
import type { HostDevices } from './host-devices';
import { readRegisterConfig, writeRegisterConfig } from './host-options';
import type { HostOptions } from './host-options';
import { validateRequest } from './request-validation';
import { createPinMac, pinKeyFile } from './pin-key';
import { createServerAccess, pageServerUrls } from './server-access';
import type { ServerAccess } from './server-access';
import { FirstRunRefused } from './first-run-port';
import type { FirstRun } from './first-run-port';

export interface DeviceHost {
  /**
   * `role` is the calling screen's, as its shell knows it (the Electron window, the browser tab's
   * token): a command that screen may not use is refused here, whichever shell carried it.
   */
  invoke(command: string, request: unknown, role: ScreenRole): Promise<DeviceResult<unknown>>;
  subscribe(listener: (event: DeviceEvent, payload: unknown) => void): () => void;
  /** How the shells let the page reach the sync-server without the device secret. */
  readonly serverAccess: ServerAccess;
  close(): Promise<void>;
}

export interface DeviceHostOptions {
  host: HostOptions;
  shell: AppConfig['shell'];
  /** Set while the register waits for its first-run setup (main/launcher/first-run.ts). */
  firstRun?: FirstRun | null;
}

type Handlers = {
  [K in DeviceCommand]: (
    request: CommandRequest<K>,
    role: ScreenRole,
  ) => Promise<DeviceResult<CommandResponse<K>>>;
};

function ok<T>(value: T): DeviceResult<T> {
  return { ok: true, value };
}

export function notConfigured(what: string): DeviceResult<never> {
  return {
    ok: false,
    code: 'not-configured',
    message: `No ${what} is set up for this register. A manager can add one in Settings → Devices.`,
    canRetry: false,
  };
}

export async function createDeviceHost(options: DeviceHostOptions): Promise<DeviceHost> {
  let config = options.host.config;
  const listeners = new Set<(event: DeviceEvent, payload: unknown) => void>();
  let lastDisplay: CustomerDisplayState | null = null;

  function emit<E extends DeviceEvent>(event: E, payload: DeviceEvents[E]): void {
    for (const listener of listeners) listener(event, payload);
  }

  let devices: HostDevices;
  let unsubscribers: (() => void)[] = [];
  async function openDevices(): Promise<void> {
    devices = await openHostDevices(config, options.host.dataDir);
    unsubscribers = [
      devices.queue.onJob((job) => emit('printer/job', job)),
      devices.scanners.onScan((scan) => emit('scanner/scan', scan)),
      devices.scanners.onStatus((status) => emit('device/status', status)),
      ...(devices.poleDisplay
        ? [devices.poleDisplay.onStatus((status) => emit('device/status', status))]
        : []),
    ];
  }
  async function closeDevices(): Promise<void> {
    for (const unsubscribe of unsubscribers) unsubscribe();
    await devices.close();
  }
  await openDevices();
  const setup = (): DeviceSetup => ({
    printer: config.printer,
    scanners: config.scanners,
    poleDisplay: config.poleDisplay,
  });

  // Both are made again when the first-run setup enrols the register: the shells hold the
  // delegate below, which always reads the current one.
  let access = createServerAccess(config);
  const newPinMac = () =>
    createPinMac({
      serverUrl: access.serverUrl,
      deviceId: config.deviceId,
      deviceSecret: config.deviceSecret,
      keyFile: pinKeyFile(options.host.dataDir),
    });
  let pinMac = newPinMac();
  const serverAccess: ServerAccess = {
    get serverUrl() {
      return access.serverUrl;
    },
    get deviceId() {
      return access.deviceId;
    },
    get pageSecret() {
      return access.pageSecret;
    },
    authorize: (header) => access.authorize(header),
  };
  const firstRun = options.firstRun ?? null;
  const handlers: Handlers = {
    'app/config': (_request, role) =>
      Promise.resolve(
        ok({
          shell: options.shell,
          storeId: config.storeId,
          registerId: config.registerId,
          deviceId: config.deviceId,
          // Never the device's own secret: the host signs with that (server-access.ts).
          deviceSecret: serverAccess.pageSecret,
          ...pageServerUrls(serverAccess.serverUrl),
          locale: config.locale,
          // A kiosk tab of a register's host shows the kiosk, whatever its URL says.
          kiosk: options.host.kiosk || role === 'kiosk',
        }),
      ),
    'device/status': async () => ok(await devices.statuses()),
    'auth/pin-mac': ({ hash }) => pinMac.mac(hash),
    // The job is on disk when this answers; printing goes on and reports through 'printer/job'.
    'printer/print': async ({ jobId, receipt }) => ok(await devices.queue.submit(jobId, receipt)),
    'printer/jobs': () => Promise.resolve(ok(devices.queue.jobs())),
    'printer/retry': ({ jobId }) => devices.queue.retry(jobId),
    'drawer/open': async () => {
      if (!devices.printer)
        return notConfigured('cash drawer (it opens through the receipt printer)');
      const result = await devices.printer.kickDrawer();
      return result.ok ? ok(null) : result;
    },
    'display/show': async (state) => {
      lastDisplay = state;
      emit('display/state', state);
      // The pole display is a mirror: when it is unplugged the sale goes on, and it catches up.
      if (devices.poleDisplay) await devices.poleDisplay.show(state);
      return ok(null);
    },
    'config/devices': () => Promise.resolve(ok(setup())),
    'config/set-devices': async (next) => {
      if (next.printer) {
        // Refuse an address the driver cannot use before anything is saved or closed.
        const check = createReceiptPrinter({ url: next.printer.url, type: next.printer.type });
        if (!check.ok) return check;
        const address = parsePrinterUrl(next.printer.url);
        const problem = address.kind === 'file' ? await checkFilePrinterPath(address.path) : null;
        if (problem) return { ok: false, code: 'bad-request', message: problem, canRetry: false };
      }
      await closeDevices();
      config = { ...config, ...next };
      // register.json keeps no server URL when the local server is in use (its port may change).
      const saved = readRegisterConfig(options.host.dataDir);
      writeRegisterConfig(options.host.dataDir, { ...saved, ...next });
      await openDevices();
      for (const status of await devices.statuses()) emit('device/status', status);
      return ok(setup());
    },
    'printer/test': async ({ storeName, locale }) => {
      const now = new Date();
      const receipt = buildTestReceipt({
        storeName,
        locale,
        currency: 'VND',
        now,
        ...(config.printer ? { printerLabel: config.printer.url } : {}),
      });
      return ok(await devices.queue.submit(`print_test_${now.getTime()}`, receipt));
    },
    'setup/status': () => Promise.resolve(ok({ needed: firstRun?.needed() ?? false })),
    'setup/complete': async ({ locale, ...input }) => {
      const refuse = (problem: { vi: string; en: string }): DeviceResult<never> => ({
        ok: false,
        code: 'bad-request',
        message: locale === 'vi-VN' ? problem.vi : problem.en,
        canRetry: false,
      });
      if (!firstRun) {
        return refuse({
          vi: 'Quầy này không cần thiết lập: nó dùng máy chủ đồng bộ đã cấu hình.',
          en: 'This register needs no setup: it uses the sync-server it is configured with.',
        });
      }
      try {
        const enrolled = await firstRun.complete(input);
        config = { ...config, ...enrolled };
        access = createServerAccess(config);
        pinMac = newPinMac();
        return ok({ storeId: config.storeId, registerId: config.registerId });
      } catch (error) {
        if (error instanceof FirstRunRefused) return refuse(error.problem);
        // The local server failed midway: what was written is replaced by the next try.
        const detail = (error as Error).message;
        return {
          ok: false,
          code: 'device-error',
          message:
            locale === 'vi-VN'
              ? `Chưa thiết lập được (${detail}); hãy bấm Thiết lập lần nữa.`
              : `The setup could not be written (${detail}); press Set up again.`,
          canRetry: true,
        };
      }
    },
  };

  return {
    async invoke(command, request, role) {
      if (!isDeviceCommand(command)) {
        return {
          ok: false,
          code: 'bad-request',
          message: `Unknown command "${String(command)}".`,
          canRetry: false,
        };
      }
      if (!isScreenRole(role) || !roleMayInvoke(role, command)) {
        return {
          ok: false,
          code: 'not-allowed',
          message: `${command} is not available on the ${String(role)} screen; use the register's cashier screen.`,
          canRetry: false,
        };
      }
      const problem = validateRequest(command, request);
      if (problem) return { ok: false, code: 'bad-request', message: problem, canRetry: false };
      const handler = handlers[command] as (
        request: unknown,
        role: ScreenRole,
      ) => Promise<DeviceResult<unknown>>;
      try {
        return await handler(request, role);
      } catch (error) {
        return {
          ok: false,
          code: 'device-error',
          message: (error as Error).message,
          canRetry: true,
        };
      }
    },
    serverAccess,
    subscribe(listener) {
      listeners.add(listener);
      // A customer display that opens mid-sale shows the current state at once.
      if (lastDisplay) listener('display/state', lastDisplay);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      await closeDevices();
    },
  };
}
