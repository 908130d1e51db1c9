/**
 * The object the preload exposes to the renderer as `window.omnitill`: the DeviceApi of the
 * contract and nothing else. No ipcRenderer, no channel names, no Electron event objects cross into
 * the page, so a script in the renderer can only send commands the main process then validates.
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type {
  CommandRequest,
  CommandResponse,
  DeviceApi,
  DeviceCommand,
  DeviceEvent,
  DeviceEvents,
  DeviceResult,
} from '../../src/ipc/contract';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc-channels';

export type PreloadIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

export function createPreloadApi(ipc: PreloadIpc): DeviceApi {
  function invoke<K extends DeviceCommand>(
    command: K,
    request: CommandRequest<K>,
  ): Promise<DeviceResult<CommandResponse<K>>> {
    // The main process answers every invoke with a DeviceResult (ipc-bridge.ts), refusals included.
    return ipc.invoke(INVOKE_CHANNEL, command, request) as Promise<
      DeviceResult<CommandResponse<K>>
    >;
  }

  function on<E extends DeviceEvent>(
    event: E,
    listener: (payload: DeviceEvents[E]) => void,
  ): () => void {
    // The IpcRendererEvent stays here: it carries the sender and ports the page must not see.
    const forward = (_ipcEvent: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (name === event) listener(payload as DeviceEvents[E]);
    };
    ipc.on(EVENT_CHANNEL, forward);
    return () => {
      ipc.removeListener(EVENT_CHANNEL, forward);
    };
  }

  return Object.freeze({ invoke, on });
}
