/** Raw TCP to a network printer's port 9100 (JetDirect style): one connection per job. */
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { exchangeBytes } from './byte-exchange';
import { TransportError, errnoOf, failureFromErrno, messageOf } from './printer-transport';
import type { PrinterTransport } from './printer-transport';

export class TcpTransport implements PrinterTransport {
  readonly kind = 'tcp';
  readonly where: string;

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly timeoutMs: number,
  ) {
    this.where = `${host}:${port}`;
  }

  private open(): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: this.host, port: this.port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(
          new TransportError(
            'timeout',
            `No connection to ${this.where} within ${this.timeoutMs} ms.`,
          ),
        );
      }, this.timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        resolve(socket);
      });
      socket.once('error', (error) => {
        clearTimeout(timer);
        socket.destroy();
        const code = errnoOf(error);
        reject(new TransportError(failureFromErrno(code), messageOf(error), code));
      });
    });
  }

  async send(bytes: Uint8Array): Promise<void> {
    const socket = await this.open();
    await new Promise<void>((resolve, reject) => {
      // Read and drop anything the printer says, so closing never resets the connection
      // (an unread byte in our receive buffer would turn the close into a reset).
      socket.on('data', () => undefined);
      const timer = setTimeout(() => {
        socket.destroy();
        resolve();
      }, this.timeoutMs);
      socket.once('error', (error) => {
        clearTimeout(timer);
        socket.destroy();
        const code = errnoOf(error);
        reject(new TransportError(failureFromErrno(code), messageOf(error), code));
      });
      socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      // Half-close and wait for the printer to close its side: the bytes are then delivered.
      socket.end(bytes);
    });
  }

  async exchange(
    requests: readonly Uint8Array[],
    answerTimeoutMs: number,
  ): Promise<(number | null)[]> {
    const socket = await this.open();
    try {
      const duplex = {
        onData: (listener: (chunk: Uint8Array) => void) => {
          socket.on('data', listener);
          return () => void socket.off('data', listener);
        },
        write: (bytes: Uint8Array) => void socket.write(bytes),
      };
      return await exchangeBytes(duplex, requests, answerTimeoutMs);
    } finally {
      socket.destroy();
    }
  }
}
