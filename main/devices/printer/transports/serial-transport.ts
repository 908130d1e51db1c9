/**
 * RS-232 printers (and USB-serial adapters) through serialport. The port stays open while jobs
 * follow each other and closes after a short idle time: reopening a port for every command
 * toggles the control lines (some printers reset on that) and, on pseudo-terminals, closing
 * right after a write can drop bytes the other side has not read yet.
 */
import { SerialPort } from 'serialport';
import { exchangeBytes } from './byte-exchange';
import { TransportError, errnoOf, failureFromErrno, messageOf } from './printer-transport';
import type { PrinterTransport } from './printer-transport';

const IDLE_CLOSE_MS = 500;

export class SerialTransport implements PrinterTransport {
  readonly kind = 'serial';
  readonly where: string;
  private port: SerialPort | null = null;
  private idleTimer: NodeJS.Timeout | undefined;
  /** One operation at a time: a status question must not land inside a job. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly path: string,
    private readonly baudRate: number,
    private readonly timeoutMs: number,
  ) {
    this.where = path;
  }

  private serialized<T>(operation: (port: SerialPort) => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      clearTimeout(this.idleTimer);
      try {
        return await operation(await this.acquire());
      } catch (error) {
        await this.close();
        throw error;
      } finally {
        this.idleTimer = setTimeout(() => void this.close(), IDLE_CLOSE_MS);
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async acquire(): Promise<SerialPort> {
    if (this.port?.isOpen) return this.port;
    const port = new SerialPort({ path: this.path, baudRate: this.baudRate, autoOpen: false });
    await new Promise<void>((resolve, reject) => {
      port.open((error) => {
        if (!error) return resolve();
        const code = errnoOf(error) ?? (/no such file/i.test(error.message) ? 'ENOENT' : undefined);
        reject(new TransportError(failureFromErrno(code), messageOf(error), code));
      });
    });
    port.on('error', () => void this.close());
    this.port = port;
    return port;
  }

  /** Closes the port now (it also closes by itself after IDLE_CLOSE_MS without work). */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const port = this.port;
    this.port = null;
    if (!port?.isOpen) return;
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  send(bytes: Uint8Array): Promise<void> {
    return this.serialized(
      (port) =>
        new Promise<void>((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new TransportError('timeout', `Writing to ${this.path} did not finish.`)),
            // A long raster job at 9600 baud takes a while: allow for the bytes on the wire.
            this.timeoutMs + Math.ceil((bytes.length * 10 * 1000) / this.baudRate),
          );
          port.write(Buffer.from(bytes), (error) => {
            if (error) {
              clearTimeout(timer);
              reject(new TransportError('io', messageOf(error)));
              return;
            }
            port.drain((drainError) => {
              clearTimeout(timer);
              if (drainError) reject(new TransportError('io', messageOf(drainError)));
              else resolve();
            });
          });
        }),
    );
  }

  exchange(requests: readonly Uint8Array[], answerTimeoutMs: number): Promise<(number | null)[]> {
    return this.serialized(async (port) => {
      // Stale bytes (a late answer to an earlier question) must not pass for this answer.
      await new Promise<void>((resolve) => port.flush(() => resolve()));
      const duplex = {
        onData: (listener: (chunk: Uint8Array) => void) => {
          port.on('data', listener);
          return () => void port.off('data', listener);
        },
        write: (data: Uint8Array) => void port.write(Buffer.from(data)),
      };
      return exchangeBytes(duplex, requests, answerTimeoutMs);
    });
  }
}
