/**
 * A receipt printer as the store configures it: where it is (one URL), which command set it
 * speaks, paper width, and how Vietnamese text reaches it (a code page, or text drawn as an
 * image). Settings come from store settings or the CLI, so they are checked here and every
 * mistake is reported in words a technician can act on.
 */
import { isReceiptColumns } from '../../../src/receipt/receipt-layout';
import type { ReceiptColumns } from '../../../src/receipt/receipt-layout';
import { isVietnameseCodepage } from '../../../src/receipt/encoding/encoded-text';
import type { VietnameseCodepage } from '../../../src/receipt/encoding/encoded-text';

export type PrinterCommandSet = 'epson' | 'star';
export type PrinterMode = 'codepage' | 'raster';
export type PaperWidth = 58 | 80;
export type DrawerPin = 2 | 5;

export type PrinterAddress =
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'serial'; path: string; baudRate: number }
  | { kind: 'file'; path: string };

export interface DrawerSettings {
  pin: DrawerPin;
  /** Pulse on time in ms (sent in 2 ms units on ESC/POS). */
  onMs: number;
  /** Pause after the pulse in ms. */
  offMs: number;
}

export interface PrinterSettingsInput {
  id?: string;
  name?: string;
  url: string;
  type?: string;
  paperWidth?: number;
  columns?: number;
  mode?: string;
  codepage?: string;
  /** ESC t number override for printers whose table numbers differ from Epson's. */
  codepageNumber?: number;
  drawer?: Partial<DrawerSettings>;
  /** How long to wait for the printer to connect or answer, in ms. */
  timeoutMs?: number;
  /** Font for raster mode; defaults to the DejaVu Sans Mono shipped in ./fonts. */
  fontPath?: string;
}

export interface PrinterSettings {
  id: string;
  name: string;
  url: string;
  address: PrinterAddress;
  type: PrinterCommandSet;
  paperWidth: PaperWidth;
  columns: ReceiptColumns;
  mode: PrinterMode;
  codepage: VietnameseCodepage;
  codepageNumber?: number;
  drawer: DrawerSettings;
  timeoutMs: number;
  fontPath?: string;
}

/** 50 ms on, 500 ms off: what most drawer solenoids expect (ESC p 0 25 250). */
export const DEFAULT_DRAWER: DrawerSettings = { pin: 2, onMs: 50, offMs: 500 };
export const DEFAULT_TIMEOUT_MS = 3000;
export const DEFAULT_TCP_PORT = 9100;
export const DEFAULT_BAUD_RATE = 9600;

export class PrinterSettingsError extends Error {
  override readonly name = 'PrinterSettingsError';
}

export function parsePrinterUrl(url: string): PrinterAddress {
  const tcp = /^tcp:\/\/(\[[^\]]+\]|[^/:?#]+)(?::(\d{1,5}))?\/?$/i.exec(url);
  if (tcp) {
    const host = (tcp[1] ?? '').replace(/^\[|\]$/g, '');
    const port = tcp[2] === undefined ? DEFAULT_TCP_PORT : Number(tcp[2]);
    if (port < 1 || port > 65535)
      throw new PrinterSettingsError(`Port ${port} in "${url}" is not a TCP port.`);
    return { kind: 'tcp', host, port };
  }
  const serial = /^serial:([^?]+)(?:\?(.*))?$/i.exec(url);
  if (serial) {
    const params = new URLSearchParams(serial[2] ?? '');
    const baud = params.get('baud') ?? params.get('baudRate');
    const baudRate = baud === null ? DEFAULT_BAUD_RATE : Number(baud);
    if (!Number.isInteger(baudRate) || baudRate <= 0) {
      throw new PrinterSettingsError(`Baud rate "${baud}" in "${url}" is not a number.`);
    }
    return { kind: 'serial', path: serial[1] ?? '', baudRate };
  }
  const file = /^file:(.+)$/i.exec(url);
  if (file) return { kind: 'file', path: (file[1] ?? '').replace(/^\/\/(?=\/)/, '') };
  throw new PrinterSettingsError(
    `The printer address "${url}" is not understood. Use tcp://host:9100, serial:/dev/ttyUSB0?baud=19200 or file:/dev/usb/lp0.`,
  );
}

export function describeAddress(address: PrinterAddress): string {
  switch (address.kind) {
    case 'tcp':
      return `${address.host}:${address.port}`;
    case 'serial':
    case 'file':
      return address.path;
  }
}

function pick<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  what: string,
  fallback: T,
): T {
  if (value === undefined) return fallback;
  const lower = value.toLowerCase();
  if ((allowed as readonly string[]).includes(lower)) return lower as T;
  throw new PrinterSettingsError(`Unknown ${what} "${value}". Use one of: ${allowed.join(', ')}.`);
}

/** Validates and fills defaults; throws PrinterSettingsError with a plain message. */
export function resolvePrinterSettings(input: PrinterSettingsInput): PrinterSettings {
  const address = parsePrinterUrl(input.url);
  const type = pick(input.type, ['epson', 'star'] as const, 'printer type', 'epson');
  const paperWidth = input.paperWidth ?? 80;
  if (paperWidth !== 58 && paperWidth !== 80) {
    throw new PrinterSettingsError(`Paper width ${paperWidth} mm is not supported. Use 58 or 80.`);
  }
  const columns = input.columns ?? (paperWidth === 58 ? 32 : 48);
  if (!isReceiptColumns(columns) || (paperWidth === 58 && columns !== 32)) {
    throw new PrinterSettingsError(
      `${columns} columns does not fit ${paperWidth} mm paper. Use 32 on 58 mm, 42 or 48 on 80 mm.`,
    );
  }
  const mode = pick(input.mode, ['codepage', 'raster'] as const, 'print mode', 'codepage');
  const codepage = input.codepage ?? 'cp1258';
  if (!isVietnameseCodepage(codepage)) {
    throw new PrinterSettingsError(`Unknown code page "${codepage}". Use cp1258 or tcvn3.`);
  }
  if (type === 'star' && mode === 'codepage' && input.codepageNumber === undefined) {
    throw new PrinterSettingsError(
      'Star printers have no built-in Vietnamese code page: set the mode to raster, or give the code page number your model uses.',
    );
  }
  const drawer = { ...DEFAULT_DRAWER, ...input.drawer };
  if (drawer.pin !== 2 && drawer.pin !== 5) {
    throw new PrinterSettingsError(`Drawer pin ${String(drawer.pin)} does not exist. Use 2 or 5.`);
  }
  return {
    id: input.id ?? 'receipt-printer',
    name: input.name ?? 'Receipt printer',
    url: input.url,
    address,
    type,
    paperWidth,
    columns,
    mode,
    codepage,
    ...(input.codepageNumber === undefined ? {} : { codepageNumber: input.codepageNumber }),
    drawer,
    timeoutMs: input.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(input.fontPath === undefined ? {} : { fontPath: input.fontPath }),
  };
}

/** Dots across the printable width: 384 on 58 mm, 576 on 80 mm (203 dpi heads). */
export function printableDots(paperWidth: PaperWidth): number {
  return paperWidth === 58 ? 384 : 576;
}
