/**
 * The renderer reaches the device host through one DeviceApi, whichever shell it runs in: the
 * Electron preload exposes it as `window.omnitill`; in the browser shell it is carried over the
 * loopback WebSocket, authenticated with the per-run token the host wrote into index.html.
 */
import type {
  CommandRequest,
  CommandResponse,
  DeviceApi,
  DeviceCommand,
  DeviceEvent,
  DeviceEvents,
  DeviceResult,
  HostFrame,
} from '../../src/ipc/contract';

declare global {
  interface Window {
    omnitill?: DeviceApi;
  }
}

type Listener = (payload: unknown) => void;

class WebSocketDeviceApi implements DeviceApi {
  private nextId = 1;
  private readonly pending = new Map<number, (result: DeviceResult<unknown>) => void>();
  private readonly listeners = new Map<DeviceEvent, Set<Listener>>();

  constructor(private readonly socket: WebSocket) {
    socket.addEventListener('message', (message) => this.receive(String(message.data)));
    socket.addEventListener('close', () => {
      for (const resolve of this.pending.values()) {
        resolve({
          ok: false,
          code: 'offline',
          message: 'The connection to the device host was lost. Restart Omnitill.',
          canRetry: false,
        });
      }
      this.pending.clear();
    });
  }

  private receive(text: string): void {
    const frame = JSON.parse(text) as HostFrame;
    if (frame.type === 'result') {
      this.pending.get(frame.id)?.(frame.result);
      this.pending.delete(frame.id);
    } else if (frame.type === 'event') {
      for (const listener of this.listeners.get(frame.event) ?? []) listener(frame.payload);
    }
  }

  invoke<K extends DeviceCommand>(
    command: K,
    request: CommandRequest<K>,
  ): Promise<DeviceResult<CommandResponse<K>>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve as (result: DeviceResult<unknown>) => void);
      const frame: HostFrame = { type: 'invoke', id, command, request };
      this.socket.send(JSON.stringify(frame));
    });
  }

  on<E extends DeviceEvent>(event: E, listener: (payload: DeviceEvents[E]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    const wrapped = listener as Listener;
    set.add(wrapped);
    return () => set.delete(wrapped);
  }
}

export async function connectDeviceApi(): Promise<DeviceApi> {
  if (window.omnitill) return window.omnitill;
  const token = document.querySelector<HTMLMetaElement>(
    'meta[name="omnitill-host-token"]',
  )?.content;
  if (!token) throw new Error('This page was not opened by Omnitill: start it with "npm start".');
  const url = new URL('/host', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('token', token);
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error('Could not reach the device host.')), {
      once: true,
    });
  });
  return new WebSocketDeviceApi(socket);
}

/** Unwraps a DeviceResult where failure means the app cannot go on (e.g. no configuration). */
export async function mustInvoke<K extends DeviceCommand>(
  api: DeviceApi,
  command: K,
  request: CommandRequest<K>,
): Promise<CommandResponse<K>> {
  const result = await api.invoke(command, request);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}
