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

export function validateRequest(command: DeviceCommand, request: unknown): string | null {
  switch (command) {
    case 'app/config':
    case 'device/status':
    case 'printer/jobs':
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
