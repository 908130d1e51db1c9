import type { PrinterAddress } from '../printer-settings';
import { FileTransport } from './file-transport';
import type { PrinterTransport } from './printer-transport';
import { SerialTransport } from './serial-transport';
import { TcpTransport } from './tcp-transport';

export * from './file-transport';
export * from './printer-transport';
export * from './serial-transport';
export * from './tcp-transport';

export function createTransport(address: PrinterAddress, timeoutMs: number): PrinterTransport {
  switch (address.kind) {
    case 'tcp':
      return new TcpTransport(address.host, address.port, timeoutMs);
    case 'serial':
      return new SerialTransport(address.path, address.baudRate, timeoutMs);
    case 'file':
      return new FileTransport(address.path, timeoutMs);
  }
}
