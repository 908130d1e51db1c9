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
} from '../../src/ipc/contract';
import { isDeviceCommand } from '../../src/ipc/contract';
import { openHostDevices } from './host-devices';
import type { HostOptions } from './host-options';
import { validateRequest } from './request-validation';

export interface DeviceHost {
  invoke(command: string, request: unknown): Promise<DeviceResult<unknown>>;
  subscribe(listener: (event: DeviceEvent, payload: unknown) => void): () => void;
  close(): Promise<void>;
}

export interface DeviceHostOptions {
  host: HostOptions;
  shell: AppConfig['shell'];
}

type Handlers = {
  [K in DeviceCommand]: (request: CommandRequest<K>) => Promise<DeviceResult<CommandResponse<K>>>;
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
  const { config } = options.host;
  const listeners = new Set<(event: DeviceEvent, payload: unknown) => void>();
  let lastDisplay: CustomerDisplayState | null = null;

  function emit<E extends DeviceEvent>(event: E, payload: DeviceEvents[E]): void {
    for (const listener of listeners) listener(event, payload);
  }

  const devices = await openHostDevices(config, options.host.dataDir);
  const unsubscribers = [
    devices.queue.onJob((job) => emit('printer/job', job)),
    devices.scanners.onScan((scan) => emit('scanner/scan', scan)),
    devices.scanners.onStatus((status) => emit('device/status', status)),
    ...(devices.poleDisplay
      ? [devices.poleDisplay.onStatus((status) => emit('device/status', status))]
      : []),
  ];

  const serverUrl = config.serverUrl.replace(/\/+$/, '');
  const handlers: Handlers = {
    'app/config': () =>
      Promise.resolve(
        ok({
          shell: options.shell,
          storeId: config.storeId,
          registerId: config.registerId,
          deviceId: config.deviceId,
          deviceSecret: config.deviceSecret,
          syncUrl: `${serverUrl}/db`,
          apiUrl: `${serverUrl}/api/v1`,
          locale: config.locale,
          kiosk: options.host.kiosk,
        }),
      ),
    'device/status': async () => ok(await devices.statuses()),
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
  };

  return {
    async invoke(command, request) {
      if (!isDeviceCommand(command)) {
        return {
          ok: false,
          code: 'bad-request',
          message: `Unknown command "${String(command)}".`,
          canRetry: false,
        };
      }
      const problem = validateRequest(command, request);
      if (problem) return { ok: false, code: 'bad-request', message: problem, canRetry: false };
      const handler = handlers[command] as (request: unknown) => Promise<DeviceResult<unknown>>;
      try {
        return await handler(request);
      } catch (error) {
        return {
          ok: false,
          code: 'device-error',
          message: (error as Error).message,
          canRetry: true,
        };
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      // A customer display that opens mid-sale shows the current state at once.
      if (lastDisplay) listener('display/state', lastDisplay);
      return () => listeners.delete(listener);
    },
    async close() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      listeners.clear();
      await devices.close();
    },
  };
}
