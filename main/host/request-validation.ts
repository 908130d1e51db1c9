/**
 * Run-time checks of renderer requests. The compiler checks the renderer's side of the
 * contract; these check what actually arrives over IPC or the WebSocket, which may be anything.
 * Each returns a plain-words problem, or null when the request is well-formed.
 */
import type { DeviceCommand } from '../../src/ipc/contract';

const DRAWER_REASONS = ['cash-sale', 'cash-refund', 'no-sale', 'float', 'pickup'];
const DISPLAY_MODES = ['idle', 'sale', 'thank-you'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isShortString(value: unknown, max = 200): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

const PRINTER_TYPES = ['epson', 'star'];
const PRINTER_MODES = ['codepage', 'raster'];
const CODEPAGES = ['cp1258', 'tcvn3'];

function isPort(value: unknown): value is { path: string; baudRate: number } {
  return (
    isObject(value) &&
    isShortString(value.path, 300) &&
    Number.isInteger(value.baudRate) &&
    (value.baudRate as number) >= 300 &&
    (value.baudRate as number) <= 921_600
  );
}

function deviceSetupProblem(request: unknown): string | null {
  if (!isObject(request)) return 'The device set-up must be an object.';
  const { printer, scanners, poleDisplay } = request;
  if (printer !== null) {
    if (!isObject(printer) || !isShortString(printer.url, 300))
      return 'The printer needs an address.';
    if (!PRINTER_TYPES.includes(String(printer.type)))
      return 'The printer type must be epson or star.';
    if (printer.widthMm !== 58 && printer.widthMm !== 80) return 'The paper is 58 or 80 mm wide.';
    if (!PRINTER_MODES.includes(String(printer.mode)))
      return 'The print mode is codepage or raster.';
    if (!CODEPAGES.includes(String(printer.codepage))) return 'The code page is cp1258 or tcvn3.';
    const drawer = printer.drawer;
    if (
      !isObject(drawer) ||
      (drawer.pin !== 2 && drawer.pin !== 5) ||
      !Number.isInteger(drawer.onMs) ||
      !Number.isInteger(drawer.offMs) ||
      (drawer.onMs as number) < 2 ||
      (drawer.onMs as number) > 510 ||
      (drawer.offMs as number) < 2 ||
      (drawer.offMs as number) > 510
    ) {
      return 'The drawer needs pin 2 or 5 and pulse times from 2 to 510 ms.';
    }
  }
  if (!Array.isArray(scanners) || scanners.length > 8)
    return 'Scanners must be a list of at most 8.';
  for (const scanner of scanners) {
    if (!isPort(scanner) || !isShortString((scanner as { id?: unknown }).id, 64)) {
      return 'Each scanner needs an id, a port path and a baud rate.';
    }
  }
  if (poleDisplay !== null && !isPort(poleDisplay))
    return 'The pole display needs a port path and a baud rate.';
  return null;
}

const FIRST_RUN_FIELDS = [
  'storeId',
  'storeName',
  'timeZone',
  'registerId',
  'managerName',
  'pin',
  'pinAgain',
  'sellerTaxCode',
];

/** Only the shape: what the fields must hold is src/setup/first-run.ts's to say, in both languages. */
function firstRunRequestProblem(request: unknown): string | null {
  if (!isObject(request)) return 'The setup must be an object.';
  for (const field of FIRST_RUN_FIELDS) {
    const value = request[field];
    if (typeof value !== 'string' || value.length > 200)
      return `The setup needs ${field} as text of at most 200 characters.`;
  }
  return request.locale === 'vi-VN' || request.locale === 'en-US'
    ? null
    : 'The setup needs a locale: vi-VN or en-US.';
}

export function validateRequest(command: DeviceCommand, request: unknown): string | null {
  switch (command) {
    case 'app/config':
    case 'device/status':
    case 'printer/jobs':
    case 'config/devices':
    case 'setup/status':
      return request === null || request === undefined ? null : `${command} takes no arguments.`;
    case 'printer/print': {
      if (!isObject(request) || !isShortString(request.jobId)) return 'A print job needs a jobId.';
      const receipt = request.receipt;
      if (
        !isObject(receipt) ||
        !Array.isArray(receipt.blocks) ||
        !isShortString(receipt.documentId)
      ) {
        return 'A print job needs a receipt with a documentId and blocks.';
      }
      if (receipt.blocks.length > 2000) return 'A receipt may have at most 2000 blocks.';
      return null;
    }
    case 'printer/retry':
      return isObject(request) && isShortString(request.jobId)
        ? null
        : 'Retry needs the jobId of a print job.';
    case 'drawer/open':
      if (!isObject(request) || !DRAWER_REASONS.includes(String(request.reason))) {
        return `Opening the drawer needs a reason: ${DRAWER_REASONS.join(', ')}.`;
      }
      return isShortString(request.staffId)
        ? null
        : 'Opening the drawer needs the staffId of who opens it.';
    case 'config/set-devices':
      return deviceSetupProblem(request);
    case 'auth/pin-mac':
      return isObject(request) &&
        typeof request.hash === 'string' &&
        /^[A-Za-z0-9+/]{43}=$/.test(request.hash)
        ? null
        : 'A PIN check needs the 32-byte PBKDF2 hash, base64.';
    case 'printer/test':
      return isObject(request) &&
        isShortString(request.storeName) &&
        (request.locale === 'vi-VN' || request.locale === 'en-US')
        ? null
        : 'A test print needs the store name and a locale.';
    case 'setup/complete':
      return firstRunRequestProblem(request);
    case 'display/show':
      if (
        !isObject(request) ||
        !DISPLAY_MODES.includes(String(request.mode)) ||
        !Array.isArray(request.lines)
      ) {
        return 'The customer display needs a mode (idle, sale, thank-you) and lines.';
      }
      return null;
  }
}
