/**
 * Where a `file:` printer may write. The address can be set from the page (Settings → Devices), so
 * an arbitrary file would let anything holding the page's token append chosen text to a shell
 * script or a config file. Only printer device nodes and named pipes (a FIFO made for a print
 * spooler or a test) are accepted; lstat, so a symlink to a regular file is refused too.
 */
import { lstat } from 'node:fs/promises';
import { normalize } from 'node:path';

/** The kernel's names for USB and parallel printers and USB serial adapters. */
const PRINTER_DEVICE = /^\/dev\/(?:usb\/lp\d+|lp\d+|ttyUSB\d+|ttyACM\d+)$/;

function refused(path: string, vi: string, en: string): string {
  return (
    `Máy in "${path}" không dùng được: ${vi}. Dùng cổng máy in ` +
    '(/dev/usb/lp0, /dev/lp0, /dev/ttyUSB0, /dev/ttyACM0) hoặc một named pipe. / ' +
    `The printer "${path}" cannot be used: ${en}. Use a printer port ` +
    '(/dev/usb/lp0, /dev/lp0, /dev/ttyUSB0, /dev/ttyACM0) or a named pipe (mkfifo).'
  );
}

/** Null when the path is a printer device or a FIFO; otherwise what is wrong, in vi and en. */
export async function checkFilePrinterPath(path: string): Promise<string | null> {
  let info;
  try {
    info = await lstat(path);
  } catch {
    return refused(
      path,
      'không tìm thấy (máy in đã cắm chưa?)',
      'it does not exist (is the printer plugged in?)',
    );
  }
  if (info.isFIFO()) return null;
  if (info.isCharacterDevice()) {
    if (normalize(path) === path && PRINTER_DEVICE.test(path)) return null;
    return refused(path, 'không phải cổng máy in', 'it is not a printer device');
  }
  return refused(
    path,
    'đây là tệp thường hoặc liên kết, không phải thiết bị',
    'it is a regular file or a link, not a printer device',
  );
}
