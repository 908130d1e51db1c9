/**
 * A receipt printer on TCP for end-to-end tests: a local server that captures every byte the
 * app sends (as a printer on port 9100 would get it) and answers status questions like a healthy
 * printer, through the printer tests' own fake peer.
 */
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { FakePrinterPeer } from '../../integration/printer/support/fake-printer-peer';

export interface PrinterCapture {
  port: number;
  url: string;
  peer: FakePrinterPeer;
  close(): Promise<void>;
}

export async function startPrinterCapture(): Promise<PrinterCapture> {
  const sockets = new Set<Socket>();
  let current: Socket | null = null;
  const peer = new FakePrinterPeer((bytes) => current?.write(bytes));
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('data', (chunk: Buffer) => {
      current = socket;
      peer.feed(new Uint8Array(chunk));
    });
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    url: `tcp://127.0.0.1:${port}`,
    peer,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** ESC p: the drawer kick pulse, as a real printer would get it. */
export function containsDrawerKick(received: readonly number[]): boolean {
  for (let i = 0; i + 1 < received.length; i += 1) {
    if (received[i] === 0x1b && received[i + 1] === 0x70) return true;
  }
  return false;
}
