import type { DeviceErrorCode } from '../../src/ipc/contract';

/**
 * What the register says about its devices, in Vietnamese and English; merged into the app's
 * tables in messages.ts. The device host answers with codes (DeviceErrorCode, DeviceState, a
 * print job's state) and English words for its logs: the page shows these, never the host's words.
 */
export const deviceVi = {
  'device.name.printer': 'máy in hóa đơn',
  'device.name.scanner': 'máy quét',
  'device.name.display': 'màn hình khách',
  'device.name.drawer': 'két tiền',
  'device.problem.not-configured':
    'Quầy này chưa cài {device}. Quản lý cài trong Quản lý → Cài đặt, rồi thử lại.',
  'device.problem.offline': 'Không kết nối được {device}. Kiểm tra nguồn và dây cáp, rồi thử lại.',
  'device.problem.paper-out': 'Máy in hết giấy. Thay cuộn giấy, rồi thử lại.',
  'device.problem.cover-open': 'Nắp máy in đang mở. Đóng nắp, rồi thử lại.',
  'device.problem.device-error': 'Thiết bị ({device}) báo lỗi. Tắt rồi bật lại, rồi thử lại.',
  'device.problem.interrupted':
    'Lệnh in bị ngắt khi ứng dụng đóng. Xem máy in đã in chưa, rồi bấm In lại nếu cần.',
  'device.problem.bad-request': 'Không gửi được lệnh tới {device}. Hãy báo bộ phận IT.',
  'device.problem.not-allowed': 'Màn hình này không được dùng {device}. Hãy báo bộ phận IT.',
  'device.problem.not-found': 'Không tìm thấy {device} hoặc lệnh in này. Hãy thử lại.',
  'printJob.sending': 'Đang gửi tới máy in…',
  'printJob.done': 'Đã in xong.',
  'printJob.notPrinted': 'Chưa in được: {reason}',
  'printJob.retry': 'In lại',
} as const;

export const deviceEn: Record<keyof typeof deviceVi, string> = {
  'device.name.printer': 'receipt printer',
  'device.name.scanner': 'scanner',
  'device.name.display': 'customer display',
  'device.name.drawer': 'cash drawer',
  'device.problem.not-configured':
    'No {device} is set up for this register. A manager sets one up in Manager → Settings; then try again.',
  'device.problem.offline':
    'The {device} does not answer. Check its power and cable, then try again.',
  'device.problem.paper-out': 'The printer is out of paper. Load a new roll, then try again.',
  'device.problem.cover-open': "The printer's cover is open. Close it, then try again.",
  'device.problem.device-error':
    'The {device} reported an error. Switch it off and on, then try again.',
  'device.problem.interrupted':
    'Printing was interrupted when the app closed. Check whether it printed, then press Retry printing if needed.',
  'device.problem.bad-request': 'The {device} could not be sent this command. Tell IT.',
  'device.problem.not-allowed': 'This screen may not use the {device}. Tell IT.',
  'device.problem.not-found': 'The {device} or this print job was not found. Try again.',
  'printJob.sending': 'Sending to the printer…',
  'printJob.done': 'Printed.',
  'printJob.notPrinted': 'Not printed: {reason}',
  'printJob.retry': 'Retry printing',
};

/** A device's problem in the page's words, from the host's code; null code: the host gave none. */
export function deviceProblemKey(
  code: DeviceErrorCode | undefined,
): `device.problem.${DeviceErrorCode}` {
  return `device.problem.${code ?? 'device-error'}`;
}
