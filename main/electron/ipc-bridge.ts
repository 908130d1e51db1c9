/**
 * The main-process end of the renderer ↔ device host bridge. One handler on INVOKE_CHANNEL:
 * every call is checked (known command, trusted sender, allowed for that window's role) before
 * it reaches the device host, and every refusal is a DeviceResult the UI can show, never a throw.
 * Host events are fanned out to the windows on EVENT_CHANNEL.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type {
  DeviceCommand,
  DeviceErrorCode,
  DeviceEvent,
  DeviceResult,
} from '../../src/ipc/contract';
import { isDeviceCommand } from '../../src/ipc/contract';
import { isAppUrl } from './app-protocol';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc-channels';
import type { WindowRole } from './window-options';

/**
 * What the bridge needs from the device host (main/host/device-host.ts). Declared here, narrowly,
 * so the bridge can be tested with a fake and does not depend on how the host is built.
 */
export interface DeviceHostPort {
  invoke(command: string, request: unknown): Promise<DeviceResult<unknown>>;
  subscribe(listener: (event: DeviceEvent, payload: unknown) => void): () => void;
}

type Allowed<T> = 'all' | ReadonlySet<T>;

/**
 * Least privilege per screen. The customer display only renders what the host pushes; a kiosk is
 * customer-operated, so it never opens the cash drawer. New contract commands and events reach
 * the cashier screen without a change here, and nobody else until listed.
 */
export const ROLE_COMMANDS: Readonly<Record<WindowRole, Allowed<DeviceCommand>>> = {
  // Device set-up is a manager's screen in the cashier window; the renderer checks the role.
  cashier: 'all',
  kiosk: new Set<DeviceCommand>([
    'app/config',
    'device/status',
    'printer/print',
    'printer/jobs',
    'printer/retry',
    'display/show',
  ]),
  'customer-display': new Set<DeviceCommand>(['app/config', 'device/status']),
};

export const ROLE_EVENTS: Readonly<Record<WindowRole, Allowed<DeviceEvent>>> = {
  // Device set-up is a manager's screen in the cashier window; the renderer checks the role.
  cashier: 'all',
  kiosk: new Set<DeviceEvent>(['scanner/scan', 'device/status', 'printer/job', 'display/state']),
  'customer-display': new Set<DeviceEvent>(['display/state', 'device/status']),
};

function allows<T>(allowed: Allowed<T>, value: T): boolean {
  return allowed === 'all' || allowed.has(value);
}

/** Who called: the role of the sending window (undefined if it is not one of ours) and its URL. */
export interface InvokeSender {
  role: WindowRole | undefined;
  frameUrl: string | undefined;
}

function refuse(code: DeviceErrorCode, message: string): DeviceResult<unknown> {
  return { ok: false, code, message, canRetry: false };
}

/** A short, safe rendering of whatever the renderer sent as a command name. */
function describeCommand(command: unknown): string {
  if (typeof command !== 'string') return `a ${typeof command}`;
  return JSON.stringify(command.length > 64 ? `${command.slice(0, 64)}…` : command);
}

export async function dispatchInvoke(
  host: Pick<DeviceHostPort, 'invoke'>,
  sender: InvokeSender,
  command: unknown,
  request: unknown,
): Promise<DeviceResult<unknown>> {
  if (!isDeviceCommand(command)) {
    return refuse('bad-request', `Unknown device command ${describeCommand(command)}.`);
  }
  // Only our own windows showing our own bundle may drive the hardware.
  if (sender.role === undefined || sender.frameUrl === undefined || !isAppUrl(sender.frameUrl)) {
    return refuse('not-allowed', `${command} was sent from outside the app.`);
  }
  if (!allows(ROLE_COMMANDS[sender.role], command)) {
    return refuse('not-allowed', `${command} is not available on the ${sender.role} screen.`);
  }
  try {
    return await host.invoke(command, request);
  } catch (error) {
    // The host reports rather than throws; if it throws anyway, the UI still gets a result.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, code: 'device-error', message, canRetry: true };
  }
}

export interface BridgeWindow {
  role: WindowRole;
  contents: WebContents;
}

export interface IpcBridgeOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  host: DeviceHostPort;
  /** The shell's own windows, looked up at call time (windows come and go). */
  windows: () => readonly BridgeWindow[];
}

function senderOf(event: IpcMainInvokeEvent, windows: readonly BridgeWindow[]): InvokeSender {
  const window = windows.find((candidate) => candidate.contents === event.sender);
  return { role: window?.role, frameUrl: event.senderFrame?.url };
}

/** Registers the handler and the event fan-out; returns the function that removes both. */
export function registerIpcBridge(options: IpcBridgeOptions): () => void {
  const { ipcMain, host, windows } = options;
  ipcMain.handle(INVOKE_CHANNEL, (event: IpcMainInvokeEvent, command: unknown, request: unknown) =>
    dispatchInvoke(host, senderOf(event, windows()), command, request),
  );
  const unsubscribe = host.subscribe((name, payload) => {
    for (const { role, contents } of windows()) {
      if (contents.isDestroyed() || !allows(ROLE_EVENTS[role], name)) continue;
      contents.send(EVENT_CHANNEL, name, payload);
    }
  });
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    unsubscribe();
  };
}
