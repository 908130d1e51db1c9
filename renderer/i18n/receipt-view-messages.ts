/** The on-screen receipt and its copies (components/receipt-viewer.tsx), in both languages. */
export const receiptViewVi = {
  'receiptView.open': 'Xem hóa đơn',
  'receiptView.title': 'Hóa đơn trên màn hình',
  'receiptView.loading': 'Đang mở hóa đơn…',
  'receiptView.failed': 'Không mở được hóa đơn: {reason} Thử lại hoặc gọi quản lý.',
  'receiptView.printCopy': 'In bản sao',
  'receiptView.close': 'Đóng',
  'receiptView.copySending': 'Đang gửi bản sao tới máy in…',
  'receiptView.copySent': 'Đã gửi bản sao (BẢN SAO) tới máy in.',
  'receiptView.copyFailed': 'Chưa in được bản sao: {reason} Kiểm tra máy in rồi bấm In bản sao.',
  'receiptView.qr': 'Mã QR',
  'receiptView.barcode': 'Mã vạch',
  'receiptView.heading': 'Hóa đơn và phiếu của chứng từ này ({count})',
  'receiptView.sale': 'Hóa đơn {number} · {time}',
  'receiptView.return': 'Phiếu trả hàng {number} · {time}',
  'receiptView.pickup': 'Phiếu giao đơn {number} · {time}',
  'audit.action.reprint-receipt': 'In bản sao hóa đơn',
};

export const receiptViewEn: Record<keyof typeof receiptViewVi, string> = {
  'receiptView.open': 'View receipt',
  'receiptView.title': 'Receipt on screen',
  'receiptView.loading': 'Opening the receipt…',
  'receiptView.failed': 'The receipt could not be opened: {reason} Try again or call a manager.',
  'receiptView.printCopy': 'Print copy',
  'receiptView.close': 'Close',
  'receiptView.copySending': 'Sending the copy to the printer…',
  'receiptView.copySent': 'The copy (COPY) was sent to the printer.',
  'receiptView.copyFailed':
    'The copy did not print: {reason} Check the printer, then press Print copy.',
  'receiptView.qr': 'QR code',
  'receiptView.barcode': 'Barcode',
  'receiptView.heading': 'Receipts of this document ({count})',
  'receiptView.sale': 'Receipt {number} · {time}',
  'receiptView.return': 'Return receipt {number} · {time}',
  'receiptView.pickup': 'Pickup slip for order {number} · {time}',
  'audit.action.reprint-receipt': 'Receipt reprinted as a copy',
};
