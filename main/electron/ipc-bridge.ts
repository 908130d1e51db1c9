/**
 * The main-process end of the renderer ↔ device host bridge. One handler on INVOKE_CHANNEL:
 * every call is checked (known command, trusted sender, allowed for that window's role) before
 * it reaches the device host, and every refusal is a DeviceResult the UI can show, never a throw.
 * Host events are fanned out to the windows on EVENT_CHANNEL.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { DeviceErrorCode, DeviceEvent, DeviceResult } from '../../src/ipc/contract';
import { isDeviceCommand } from '../../src/ipc/contract';
import { roleMayHear, roleMayInvoke } from '../../src/ipc/device-roles';
import type { ScreenRole } from '../../src/ipc/device-roles';
import { isAppUrl } from './app-protocol';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc-channels';
import type { WindowRole } from './window-options';

/**
 * What the bridge needs from the device host (main/host/device-host.ts). Declared here, narrowly,
 * so the bridge can be tested with a fake and does not depend on how the host is built.
 */
export interface DeviceHostPort {
  /** The host checks the role again (device-roles.ts): both shells go through that check. */
  invoke(command: string, request: unknown, role: ScreenRole): Promise<DeviceResult<unknown>>;
  subscribe(listener: (event: DeviceEvent, payload: unknown) => void): () => void;
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
  if (!roleMayInvoke(sender.role, command)) {
    return refuse('not-allowed', `${command} is not available on the ${sender.role} screen.`);
  }
  try {
    return await host.invoke(command, request, sender.role);
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
      if (contents.isDestroyed() || !roleMayHear(role, name)) continue;
      contents.send(EVENT_CHANNEL, name, payload);
    }
  });
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    unsubscribe();
  };
}
