/**
 * `npm run devices -- scan` and `npm run devices -- list`: for a technician checking a serial
 * scanner at the register. `scan` prints one JSON line per scan with what the classifier
 * (src/barcodes) made of it, so a wrong suffix, a missing AIM prefix or a bad layout shows at once.
 */
import { parseArgs } from 'node:util';
import { SerialPort } from 'serialport';
import { DEFAULT_BARCODE_LAYOUTS, classifyScan } from '../../../src/barcodes';
import type { ScanResult } from '../../../src/barcodes';
import { CURRENCY_CODES } from '../../../src/money/currency';
import type { CurrencyCode } from '../../../src/money/currency';
import { UsageError } from '../cli/cli-command';
import type { CliCommand, CliIo } from '../cli/cli-command';
import type { ScanSuffix } from './scan-framer';
import type { Parity } from './serial-connection';
import { SerialScanner } from './serial-scanner';

const SCAN_USAGE = `Usage: npm run devices -- scan --port PATH [options]

Listens to a serial scanner and prints one JSON line per scan: the raw text and what the
barcode classifier made of it. Status changes and warnings go to stderr. Ctrl+C stops.

  --port PATH          /dev/ttyUSB0, /dev/serial/by-id/…, COM3
  --baud N             baud rate (default 9600)
  --data-bits 7|8      (default 8)
  --parity none|even|odd|mark|space   (default none)
  --stop-bits 1|2      (default 1)
  --suffix auto|cr|lf|crlf   terminator the scanner sends (default auto)
  --currency CODE      store currency for GS1 prices (default VND)
  --count N            stop after N scans
  --help               this help`;

const LIST_USAGE = `Usage: npm run devices -- list

Lists the serial ports the system sees (USB serial adapters, built-in COM ports), with their
USB vendor and product ids. Pseudo-terminals (socat) are not listed.`;

const SUFFIXES: readonly ScanSuffix[] = ['auto', 'cr', 'lf', 'crlf'];
const PARITIES: readonly Parity[] = ['none', 'even', 'odd', 'mark', 'space'];

function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  name: string,
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not "${value}".`);
  }
  return value as T;
}

function positiveInteger(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) {
    throw new UsageError(`--${name} must be a positive whole number, not "${value}".`);
  }
  return parsed;
}

/** Today in the machine's local time zone, yyyy-mm-dd (the classifier's notion of today). */
function localToday(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface ScanCommandHooks {
  /** Resolves when the user asks to stop (Ctrl+C by default). */
  stopSignal?: Promise<void>;
}

export async function runScanCommand(
  args: string[],
  io: CliIo,
  hooks: ScanCommandHooks = {},
): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      port: { type: 'string' },
      baud: { type: 'string' },
      'data-bits': { type: 'string' },
      parity: { type: 'string' },
      'stop-bits': { type: 'string' },
      suffix: { type: 'string' },
      currency: { type: 'string' },
      count: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    io.out(SCAN_USAGE);
    return 0;
  }
  if (!values.port) throw new UsageError('Say which port: --port /dev/ttyUSB0 (see --help).');
  const dataBits = oneOf(values['data-bits'], ['5', '6', '7', '8'], 'data-bits');
  const stopBits = oneOf(values['stop-bits'], ['1', '1.5', '2'], 'stop-bits');
  const currency: CurrencyCode = oneOf(values.currency, CURRENCY_CODES, 'currency') ?? 'VND';
  const count = positiveInteger(values.count, 'count');

  const scanner = new SerialScanner({
    id: 'cli',
    name: `Scanner on ${values.port}`,
    path: values.port,
    baudRate: positiveInteger(values.baud, 'baud'),
    dataBits: dataBits === undefined ? undefined : (Number(dataBits) as 5 | 6 | 7 | 8),
    parity: oneOf(values.parity, PARITIES, 'parity'),
    stopBits: stopBits === undefined ? undefined : (Number(stopBits) as 1 | 1.5 | 2),
    suffix: oneOf(values.suffix, SUFFIXES, 'suffix'),
  });

  let seen = 0;
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));
  scanner.onStatus((status) =>
    io.err(`[${status.state}] ${status.message ?? `${status.name} is ready. Scan something.`}`),
  );
  scanner.onWarning((warning) =>
    io.err(`[warning] ${warning.message}${warning.detail ? ` ${warning.detail}` : ''}`),
  );
  scanner.onScan((scan) => {
    let scanResult: ScanResult | { kind: 'error'; message: string };
    try {
      scanResult = classifyScan(scan.raw, {
        today: localToday(new Date(scan.at)),
        currency,
        layouts: DEFAULT_BARCODE_LAYOUTS,
      });
    } catch (error) {
      scanResult = {
        kind: 'error',
        message: error instanceof Error ? error.message : String(error),
      };
    }
    io.out(JSON.stringify({ ...scan, result: scanResult }));
    seen += 1;
    if (count !== undefined && seen >= count) finish();
  });

  let onSigint: (() => void) | null = null;
  const stopSignal =
    hooks.stopSignal ??
    new Promise<void>((resolve) => {
      onSigint = resolve;
      process.once('SIGINT', resolve);
    });
  scanner.start();
  await Promise.race([finished, stopSignal]);
  if (onSigint) process.removeListener('SIGINT', onSigint);
  await scanner.stop();
  return 0;
}

/**
 * serialport's PortInfo comes from a package whose types do not resolve under our module
 * settings; these are the fields we print.
 */
interface ListedPort {
  path: string;
  manufacturer?: string;
  serialNumber?: string;
  vendorId?: string;
  productId?: string;
}

export async function runListCommand(io: CliIo): Promise<number> {
  const ports = (await SerialPort.list()) as ListedPort[];
  if (ports.length === 0) {
    io.out('No serial ports found. (Pseudo-terminals made by socat are not listed.)');
    return 0;
  }
  for (const port of ports) {
    const usb = port.vendorId && port.productId ? ` usb ${port.vendorId}:${port.productId}` : '';
    const details = [port.manufacturer, port.serialNumber && `serial ${port.serialNumber}`]
      .filter(Boolean)
      .join(', ');
    io.out(`${port.path}${usb}${details ? `  ${details}` : ''}`);
  }
  return 0;
}

export const scanCommand: CliCommand = {
  name: 'scan',
  summary: 'print each scan from a serial scanner as JSON, with its classification',
  usage: SCAN_USAGE,
  run: (args, io) => runScanCommand(args, io),
};

export const listCommand: CliCommand = {
  name: 'list',
  summary: 'list the serial ports the system sees',
  usage: LIST_USAGE,
  async run(args, io) {
    if (args.includes('--help')) {
      io.out(LIST_USAGE);
      return 0;
    }
    if (args.length > 0) throw new UsageError(`list takes no arguments (got ${args.join(' ')}).`);
    return runListCommand(io);
  },
};
