/**
 * The typed contract between the renderer and the device host. The Electron preload and the
 * browser shell's loopback WebSocket carry exactly these commands and events; both sides are
 * checked against these types, and the host validates every payload at run time too.
 *
 * Commands are named `area/verb` and answer with a DeviceResult: devices report, they do not
 * throw, so the UI can always show what happened and whether a retry may help.
 */
import type { Receipt } from '../receipt/model';
import type { FirstRunInput } from '../setup/first-run';

export type DeviceResult<T = null> =
  { ok: true; value: T } | { ok: false; code: DeviceErrorCode; message: string; canRetry: boolean };

export type DeviceErrorCode =
  | 'bad-request'
  | 'not-configured'
  | 'offline'
  | 'paper-out'
  | 'cover-open'
  | 'device-error'
  | 'not-allowed'
  | 'not-found'
  /** A print job cut off by the app closing: it may or may not have printed. */
  | 'interrupted';

/** What the host tells the renderer at start: where to sync and who this register is. */
export interface AppConfig {
  shell: 'electron' | 'browser';
  storeId: string;
  registerId: string;
  deviceId: string;
  /**
   * The page's per-run secret for HTTP Basic auth (with deviceId) on its sync and API requests.
   * Not the device's own secret: the host swaps one for the other (main/host/server-access.ts).
   */
  deviceSecret: string;
  /** Root of the CouchDB-protocol endpoint, e.g. http://127.0.0.1:7070/db */
  syncUrl: string;
  /** Root of the domain API, e.g. http://127.0.0.1:7070/api/v1 */
  apiUrl: string;
  locale: 'vi-VN' | 'en-US';
  /** Kiosk mode: customer-facing screens only. */
  kiosk: boolean;
}

export type DeviceKind = 'printer' | 'scanner' | 'display' | 'drawer';
export type DeviceState =
  'ready' | 'busy' | 'offline' | 'paper-out' | 'cover-open' | 'error' | 'not-configured';

export interface DeviceStatus {
  id: string;
  kind: DeviceKind;
  name: string;
  state: DeviceState;
  /** Plain words for the cashier when state is not ready. */
  message?: string;
}

export interface PrintJobInfo {
  jobId: string;
  documentId: string;
  state: 'queued' | 'printing' | 'printed' | 'failed';
  attempts: number;
  lastError?: string;
  /** What went wrong as a code, for the page to say in its own language. */
  lastErrorCode?: DeviceErrorCode;
}

export type DrawerReason = 'cash-sale' | 'cash-refund' | 'no-sale' | 'float' | 'pickup';

/** What the customer sees: the host mirrors it to the customer window and a pole display. */
export interface CustomerDisplayState {
  mode: 'idle' | 'sale' | 'thank-you';
  locale: 'vi-VN' | 'en-US';
  lines: { name: string; quantity: string; amount: string }[];
  total: string;
  lastItem?: { name: string; amount: string };
  loyalty?: { balanceBefore: number; pointsEarned: number; balanceAfter: number };
  /** A VietQR code to scan, while the sale waits for a bank transfer (docs/PAYMENTS.md). */
  transfer?: {
    /** The QR as an SVG document. */
    svg: string;
    amount: string;
    bankBin: string;
    /** The store owner's short name for the bank, shown instead of the BIN when set. */
    bankName?: string;
    accountNumber: string;
    accountName: string;
    reference: string;
  };
}

/** A register's receipt printer as a manager sets it up (docs/HARDWARE.md). */
export interface PrinterSetup {
  /** tcp://host:9100, serial:/dev/ttyUSB0?baud=19200, file:/dev/usb/lp0 */
  url: string;
  type: 'epson' | 'star';
  widthMm: 58 | 80;
  mode: 'codepage' | 'raster';
  codepage: 'cp1258' | 'tcvn3';
  drawer: { pin: 2 | 5; onMs: number; offMs: number };
}

export interface ScannerSetup {
  id: string;
  path: string;
  baudRate: number;
}

/** The hardware of one register, kept in its register.json by the device host. */
export interface DeviceSetup {
  printer: PrinterSetup | null;
  scanners: ScannerSetup[];
  poleDisplay: { path: string; baudRate: number } | null;
}

export interface DeviceCommands {
  'app/config': { request: null; response: AppConfig };
  'device/status': { request: null; response: DeviceStatus[] };
  'printer/print': { request: { jobId: string; receipt: Receipt }; response: PrintJobInfo };
  'printer/jobs': { request: null; response: PrintJobInfo[] };
  'printer/retry': { request: { jobId: string }; response: PrintJobInfo };
  'drawer/open': { request: { reason: DrawerReason; staffId: string }; response: null };
  'display/show': { request: CustomerDisplayState; response: null };
  'config/devices': { request: null; response: DeviceSetup };
  /** Saves the set-up and reopens the devices with it; a bad printer address is refused. */
  'config/set-devices': { request: DeviceSetup; response: DeviceSetup };
  /**
   * HMAC-SHA256, with the register's PIN key the host keeps, over a PBKDF2 hash of a typed PIN
   * (base64): compared by the page with a staff member's verifier (main/host/pin-key.ts).
   */
  'auth/pin-mac': { request: { hash: string }; response: { mac: string } };
  /** Queues the test receipt (store name, Vietnamese sample, VND lines, barcode, QR, cut). */
  'printer/test': {
    request: { storeName: string; locale: 'vi-VN' | 'en-US' };
    response: PrintJobInfo;
  };
  /** Whether this register still needs its first-run setup (a new local server, no demo). */
  'setup/status': { request: null; response: { needed: boolean } };
  /**
   * The first-run setup (src/setup/first-run.ts): the host writes the store, its first manager
   * and enrols this register; refused once done. Messages come in `locale`.
   */
  'setup/complete': {
    request: FirstRunInput & { locale: 'vi-VN' | 'en-US' };
    response: { storeId: string; registerId: string };
  };
}

export interface DeviceEvents {
  /** A scan from a serial scanner, raw; the renderer classifies it (src/barcodes). */
  'scanner/scan': { scannerId: string; raw: string; at: string };
  'device/status': DeviceStatus;
  'printer/job': PrintJobInfo;
  'display/state': CustomerDisplayState;
}

export type DeviceCommand = keyof DeviceCommands;
export type DeviceEvent = keyof DeviceEvents;
export type CommandRequest<K extends DeviceCommand> = DeviceCommands[K]['request'];
export type CommandResponse<K extends DeviceCommand> = DeviceCommands[K]['response'];

/** The one API the renderer sees, whichever shell it runs in. */
export interface DeviceApi {
  invoke<K extends DeviceCommand>(
    command: K,
    request: CommandRequest<K>,
  ): Promise<DeviceResult<CommandResponse<K>>>;
  on<E extends DeviceEvent>(event: E, listener: (payload: DeviceEvents[E]) => void): () => void;
}

/** Wire frames on the browser shell's WebSocket. */
export type HostFrame =
  | { type: 'invoke'; id: number; command: DeviceCommand; request: unknown }
  | { type: 'result'; id: number; result: DeviceResult<unknown> }
  | { type: 'event'; event: DeviceEvent; payload: unknown };

export const DEVICE_COMMANDS: readonly DeviceCommand[] = [
  'app/config',
  'device/status',
  'printer/print',
  'printer/jobs',
  'printer/retry',
  'drawer/open',
  'display/show',
  'config/devices',
  'config/set-devices',
  'printer/test',
  'auth/pin-mac',
  'setup/status',
  'setup/complete',
];

export function isDeviceCommand(value: unknown): value is DeviceCommand {
  return typeof value === 'string' && (DEVICE_COMMANDS as readonly string[]).includes(value);
}
