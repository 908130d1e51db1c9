/**
 * A USB printer seen by the kernel as a device file (/dev/usb/lp0 on Linux). It can only be
 * written; the kernel's usblp driver does not pass DLE EOT answers back through write-only use.
 * A named pipe (a spooler reading a FIFO) works too.
 */
import { constants, open as openDescriptor } from 'node:fs';
import { access, open, stat } from 'node:fs/promises';
import { Socket } from 'node:net';
import { promisify } from 'node:util';
import { TransportError, errnoOf, failureFromErrno, messageOf } from './printer-transport';
import type { PrinterTransport } from './printer-transport';

export class FileTransport implements PrinterTransport {
  readonly kind = 'file';
  readonly where: string;

  constructor(
    private readonly path: string,
    private readonly timeoutMs: number,
  ) {
    this.where = path;
  }

  /** Throws TransportError when the device file is missing or not writable. */
  async check(): Promise<void> {
    try {
      await access(this.path, constants.W_OK);
    } catch (error) {
      const code = errnoOf(error);
      throw new TransportError(failureFromErrno(code), messageOf(error), code);
    }
  }

  async send(bytes: Uint8Array): Promise<void> {
    await this.check();
    if ((await stat(this.path)).isFIFO()) return this.sendToPipe(bytes);
    let timer: NodeJS.Timeout | undefined;
    try {
      // Append, not truncate: a plain file then keeps every job, and a device ignores the flag.
      const handle = await open(this.path, 'a');
      try {
        await Promise.race([
          handle.write(bytes),
          new Promise((_, reject) => {
            timer = setTimeout(
              () =>
                reject(new TransportError('timeout', `Writing to ${this.path} did not finish.`)),
              this.timeoutMs,
            );
          }),
        ]);
      } finally {
        clearTimeout(timer);
        await handle.close();
      }
    } catch (error) {
      if (error instanceof TransportError) throw error;
      const code = errnoOf(error);
      throw new TransportError(failureFromErrno(code), messageOf(error), code);
    }
  }

  /**
   * A plain open of a pipe nobody reads blocks forever (and holds one of libuv's few threads), so
   * it is opened without blocking (ENXIO: nothing listens, reported as not connected) and written
   * through the event loop, which waits for a slow reader instead of failing on a full pipe.
   */
  private async sendToPipe(bytes: Uint8Array): Promise<void> {
    let fd: number;
    try {
      // A bare descriptor, not a FileHandle: the socket owns and closes it.
      fd = await promisify(openDescriptor)(this.path, constants.O_WRONLY | constants.O_NONBLOCK);
    } catch (error) {
      const code = errnoOf(error);
      throw new TransportError(failureFromErrno(code), messageOf(error), code);
    }
    const pipe = new Socket({ fd, readable: false, writable: true });
    let timer: NodeJS.Timeout | undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        timer = setTimeout(
          () => reject(new TransportError('timeout', `Writing to ${this.path} did not finish.`)),
          this.timeoutMs,
        );
        pipe.once('error', (error) =>
          reject(new TransportError(failureFromErrno(errnoOf(error)), messageOf(error))),
        );
        pipe.end(bytes, () => resolve());
      });
    } finally {
      clearTimeout(timer);
      pipe.destroy();
    }
  }
}
