/**
 * The XML of an e-invoice record, in the element names and order of the tax authority's data
 * format (Decision 1450/QĐ-TCT and its amendments; docs/INVOICES.md says which parts were checked
 * and how): `HDon` > `DLHDon` (`TTChung`, `NDHDon` > `NBan`, `NMua`, `DSHHDVu`, `TToan`) and the
 * register-made code in `MCCQT`; an adjusting invoice adds `TTChung` > `TTHDLQuan` and writes its
 * decreases as negative amounts. Unsigned: the provider signs it (DSCKS) when it sends it.
 * Amounts in whole đồng, quantities as decimal text with a point, text escaped.
 */
import type { EInvoiceRecord } from './invoice-record';

/** An element with text, or with child elements (absent children are skipped). */
type Node = { name: string; text: string } | { name: string; children: (Node | null)[] };

const text = (name: string, value: string | number): Node => ({ name, text: String(value) });
const node = (name: string, children: (Node | null)[]): Node => ({ name, children });
/** An optional element: written only when the value is given. */
const optional = (name: string, value: string | undefined): Node | null =>
  value === undefined ? null : text(name, value);

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Characters XML 1.0 cannot carry at all (C0 controls but tab, newline, return; U+FFFE/FFFF). */
function allowedInXml(char: string): boolean {
  const point = char.codePointAt(0) ?? 0;
  if (point < 0x20) return point === 0x09 || point === 0x0a || point === 0x0d;
  return point !== 0xfffe && point !== 0xffff;
}

/** Escapes markup and drops what XML cannot carry, so a product name never breaks the file. */
export function escapeXml(value: string): string {
  let escaped = '';
  for (const char of value) {
    if (allowedInXml(char)) escaped += ESCAPES[char] ?? char;
  }
  return escaped;
}

function serialize(element: Node): string {
  if ('text' in element) return `<${element.name}>${escapeXml(element.text)}</${element.name}>`;
  const inner = element.children
    .filter((child): child is Node => child !== null)
    .map(serialize)
    .join('');
  return `<${element.name}>${inner}</${element.name}>`;
}

const TITLES: Record<1 | 2, string> = {
  1: 'Hóa đơn giá trị gia tăng khởi tạo từ máy tính tiền',
  2: 'Hóa đơn bán hàng khởi tạo từ máy tính tiền',
};

/**
 * `TTHDLQuan`, the invoice this one replaces (1) or adjusts (2): `LHDCLQuan` 1 is an e-invoice
 * under Decree 123/2020 (not a paper one), then the original's template, symbol, number and day.
 */
function relatedBlock(record: EInvoiceRecord): Node | null {
  const { related } = record;
  if (!related) return null;
  return node('TTHDLQuan', [
    text('TCHDon', related.relation),
    text('LHDCLQuan', 1),
    text('KHMSHDCLQuan', related.form),
    text('KHHDCLQuan', related.symbol),
    text('SHDCLQuan', related.number),
    text('NLHDCLQuan', related.issueDate),
    text('GChu', related.note),
  ]);
}

export function invoiceXml(record: EInvoiceRecord): string {
  const { buyer } = record;
  const general = node('TTChung', [
    text('THDon', TITLES[record.form]),
    text('KHMSHDon', record.form),
    text('KHHDon', record.symbol),
    text('SHDon', record.number),
    text('NLap', record.issueDate),
    text('DVTTe', record.currency),
    relatedBlock(record),
  ]);
  const seller = node('NBan', [
    text('Ten', record.seller.name),
    text('MST', record.seller.taxCode),
    text('DChi', record.seller.address),
  ]);
  const purchaser = buyer
    ? node('NMua', [
        optional('Ten', buyer.name),
        optional('MST', buyer.taxCode),
        optional('DChi', buyer.address),
        optional('SDThoai', buyer.phone),
        optional('CCCDan', buyer.idNumber),
      ])
    : null;
  const goods = node(
    'DSHHDVu',
    record.lines.map((line) =>
      node('HHDVu', [
        text('TChat', 1), // 1: goods or a service sold (not a discount or a note line)
        text('STT', line.position),
        text('MHHDVu', line.sku),
        text('THHDVu', line.name),
        text('DVTinh', line.unit),
        text('SLuong', line.quantity),
        text('DGia', line.unitPrice),
        text('ThTien', line.amount),
        text('TSuat', line.rate.label),
        text('TThue', line.tax),
      ]),
    ),
  );
  const payment = node('TToan', [
    node(
      'THTTLTSuat',
      record.ratesTotals.map((row) =>
        node('LTSuat', [
          text('TSuat', row.rate.label),
          text('ThTien', row.amount),
          text('TThue', row.tax),
        ]),
      ),
    ),
    text('TgTCThue', record.totals.amount),
    text('TgTThue', record.totals.tax),
    text('TgTTTBSo', record.totals.total),
    text('TgTTTBChu', record.amountInWords),
  ]);
  const invoice = node('HDon', [
    node('DLHDon', [general, node('NDHDon', [seller, purchaser, goods, payment])]),
    text('MCCQT', record.code),
  ]);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(invoice)}`;
}
