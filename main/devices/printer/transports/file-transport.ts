/**
 * A USB printer seen by the kernel as a device file (/dev/usb/lp0 on Linux). It can only be
 * written; the kernel's usblp driver does not pass DLE EOT answers back through write-only use.
 */
import { constants } from 'node:fs';
import { access, open } from 'node:fs/promises';
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
}
