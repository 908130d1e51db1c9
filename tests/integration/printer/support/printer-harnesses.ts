/**
 * One harness per printer transport, all shaped alike, so the shared driver suite runs the
 * same scenarios against a TCP printer, a serial printer on a pseudo-terminal pair and a USB
 * printer device file.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { decodeEscPos } from './escpos-decoder';
import type { EscPosEvent } from './escpos-decoder';
import { FakePrinterPeer } from './fake-printer-peer';

export interface PrinterHarness {
  /** Printer URL for the driver under test. */
  url: string;
  /** Whether the printer can answer DLE EOT over this interface. */
  readsStatus: boolean;
  /** The printer's bytes, decoded, once `until` holds for them (default: a job with a cut). */
  captured(until?: (events: EscPosEvent[]) => boolean): Promise<EscPosEvent[]>;
  peer: FakePrinterPeer | null;
  close(): Promise<void>;
}

export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const hasCut = (events: EscPosEvent[]): boolean => events.some((e) => e.kind === 'cut');

function decodedWhen(
  bytes: readonly number[],
  until: (events: EscPosEvent[]) => boolean,
): EscPosEvent[] | null {
  try {
    const events = decodeEscPos(bytes);
    return until(events) ? events : null;
  } catch {
    return null; // a job still arriving ends inside a command
  }
}

export function listen(server: Server, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

export function closeServer(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A TCP "printer" on 127.0.0.1: every connection feeds the same fake printer. */
export async function tcpHarness(port = 0): Promise<PrinterHarness & { port: number }> {
  const sockets = new Set<Socket>();
  let peer: FakePrinterPeer | null = null;
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const connectionPeer = peer;
    socket.on('data', (chunk) => connectionPeer?.feed(chunk));
    socket.on('error', () => undefined);
    // Close our side when the driver half-closes: that is how it knows the job arrived.
    socket.on('end', () => socket.end());
  });
  peer = new FakePrinterPeer((bytes) => {
    for (const socket of sockets) if (!socket.destroyed) socket.write(bytes);
  });
  const bound = await listen(server, port);
  const thePeer = peer;
  return {
    url: `tcp://127.0.0.1:${bound}`,
    port: bound,
    readsStatus: true,
    peer,
    async captured(until = hasCut) {
      await thePeer.waitFor((received) => decodedWhen(received, until) !== null);
      return decodeEscPos(thePeer.received);
    },
    close: () => closeServer(server, sockets),
  };
}

/** A serial printer: socat makes a pseudo-terminal pair, the test plays the printer on one end. */
export async function serialHarness(): Promise<PrinterHarness> {
  const folder = await mkdtemp(join(tmpdir(), 'omnitill-serial-'));
  const driverSide = join(folder, 'printer');
  const printerSide = join(folder, 'device');
  const socat: ChildProcess = spawn(
    'socat',
    ['-d', '-d', `pty,raw,echo=0,link=${driverSide}`, `pty,raw,echo=0,link=${printerSide}`],
    { stdio: 'ignore' },
  );
  await waitUntil(
    () => existsSync(driverSide) && existsSync(printerSide),
    5000,
    'socat to create the pseudo-terminals',
  );
  const port = new SerialPort({ path: printerSide, baudRate: 19200, autoOpen: false });
  await new Promise<void>((resolve, reject) =>
    port.open((error) => (error ? reject(error) : resolve())),
  );
  const peer = new FakePrinterPeer((bytes) => void port.write(Buffer.from(bytes)));
  port.on('data', (chunk: Buffer) => peer.feed(chunk));
  return {
    url: `serial:${driverSide}?baud=19200`,
    readsStatus: true,
    peer,
    async captured(until = hasCut) {
      await peer.waitFor((received) => decodedWhen(received, until) !== null);
      return decodeEscPos(peer.received);
    },
    async close() {
      await new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve()));
      socat.kill('SIGTERM');
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** A USB printer device file, played by a plain temporary file. */
export async function fileHarness(): Promise<PrinterHarness> {
  const folder = await mkdtemp(join(tmpdir(), 'omnitill-lp-'));
  const path = join(folder, 'lp0');
  await writeFile(path, '');
  const read = async (): Promise<number[]> => Array.from(await readFile(path));
  return {
    url: `file:${path}`,
    readsStatus: false,
    peer: null,
    async captured(until = hasCut) {
      await waitUntil(
        async () => decodedWhen(await read(), until) !== null,
        5000,
        'the job in the device file',
      );
      return decodeEscPos(await read());
    },
    close: () => rm(folder, { recursive: true, force: true }),
  };
}
