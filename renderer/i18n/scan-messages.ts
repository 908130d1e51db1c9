/**
 * Why a scan was refused, by the parser's reason code (src/barcodes InvalidReason), in Vietnamese
 * and English; merged into the app's tables in messages.ts. The parser's own message is English,
 * for logs and tests.
 */
import type { InvalidReason } from '../../src/barcodes/scan-result';

export const scanVi = {
  'scan.invalid.check-digit': 'số kiểm tra cuối mã {code} không khớp, có thể quét sai. Quét lại.',
  'scan.invalid.date': 'ngày trên mã {code} không có thật. Kiểm tra nhãn hàng.',
  'scan.invalid.length': 'mã {code} không đủ hoặc thừa chữ số. Quét lại.',
  'scan.invalid.format': 'mã {code} có ký tự không đúng. Quét lại hoặc nhập tay.',
  'scan.invalid.value': 'giá trị trên mã {code} không hợp lệ. Kiểm tra nhãn hàng.',
  'scan.invalid.unknown-ai': 'mã {code} chứa trường GS1 máy không biết. Gọi quản lý.',
  'scan.invalid.structure': 'mã {code} không đúng cấu trúc. Quét lại.',
  'scan.invalid.control-character': 'mã {code} có ký tự điều khiển lạ. Kiểm tra cài đặt máy quét.',
} as const satisfies Record<`scan.invalid.${InvalidReason}`, string>;

export const scanEn: Record<keyof typeof scanVi, string> = {
  'scan.invalid.check-digit':
    'the last digit of {code} does not check, it was likely misread. Scan again.',
  'scan.invalid.date': 'the date in {code} does not exist. Check the label.',
  'scan.invalid.length': '{code} has too few or too many digits. Scan again.',
  'scan.invalid.format': '{code} has a wrong character. Scan again or type it.',
  'scan.invalid.value': 'a value in {code} is not valid. Check the label.',
  'scan.invalid.unknown-ai': '{code} holds a GS1 field the register does not know. Call a manager.',
  'scan.invalid.structure': '{code} is not built as it should be. Scan again.',
  'scan.invalid.control-character':
    '{code} holds a stray control character. Check the scanner set-up.',
};
