/**
 * The invoice XML, read back by a small XML reader written here (not the builder): the element
 * tree and its order as the format gives it, every value equal to the record's, buyer data only
 * when given, and names with markup characters escaped so they come back unchanged.
 */
import { describe, expect, it } from 'vitest';
import { buildEInvoiceRecord, invoiceXml } from '../../../src/einvoice';
import { issueOf, line, saleOf } from './einvoice-fixtures';

interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Reads the declaration and one element tree; no attributes, comments or CDATA (none expected). */
function readXml(source: string): { declaration: string; root: XmlElement } {
  const declaration = /^<\?xml ([^?]*)\?>\n?/.exec(source);
  if (!declaration) throw new Error('no XML declaration');
  let at = declaration[0].length;
  const decode = (raw: string): string => {
    if (raw.includes('<') || raw.includes('>')) throw new Error(`markup in text: ${raw}`);
    return raw.replace(/&([a-z]+);|&/g, (whole, name: string | undefined) => {
      const value = name ? ENTITIES[name] : undefined;
      if (value === undefined) throw new Error(`bare or unknown entity at ${whole}`);
      return value;
    });
  };
  const element = (): XmlElement => {
    const open = /^<([A-Za-z][A-Za-z0-9]*)(\/?)>/.exec(source.slice(at));
    if (!open) throw new Error(`expected an element at ${at}: ${source.slice(at, at + 30)}`);
    at += open[0].length;
    const name = open[1] ?? '';
    const result: XmlElement = { name, children: [], text: '' };
    if (open[2] === '/') return result;
    for (;;) {
      const close = `</${name}>`;
      if (source.startsWith(close, at)) {
        at += close.length;
        return result;
      }
      if (source.startsWith('</', at)) throw new Error(`mismatched close at ${at} inside ${name}`);
      if (source[at] === '<') {
        result.children.push(element());
      } else {
        const end = source.indexOf('<', at);
        if (end < 0) throw new Error(`unclosed ${name}`);
        result.text += decode(source.slice(at, end));
        at = end;
      }
    }
  };
  const root = element();
  if (at !== source.length) throw new Error('content after the root element');
  return { declaration: declaration[1] ?? '', root };
}

const names = (element: XmlElement): string[] => element.children.map((child) => child.name);
function child(element: XmlElement, name: string): XmlElement {
  const found = element.children.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`${element.name} has no ${name}`);
  return found;
}
const values = (element: XmlElement): Record<string, string> =>
  Object.fromEntries(element.children.map((entry) => [entry.name, entry.text]));

const sale = saleOf([
  line('ten', 'vat10', 55_000, 2),
  line('eight', 'vat8', 25_000, 3),
  line('zero', 'vat0', 65_000),
  line('kct', 'kct', 12_000),
  line('mango', 'vat8', 65_000, 1, { pricing: 'weight', grams: 750 }),
]);
const record = buildEInvoiceRecord(issueOf(sale));
const { declaration, root } = readXml(invoiceXml(record));

describe('invoice XML', () => {
  it('is UTF-8 with HDon > DLHDon (TTChung, NDHDon) and the code in MCCQT', () => {
    expect(declaration).toBe('version="1.0" encoding="UTF-8"');
    expect(root.name).toBe('HDon');
    expect(names(root)).toEqual(['DLHDon', 'MCCQT']);
    expect(child(root, 'MCCQT').text).toBe('M1-26-AB12C-00700000042');
    expect(names(child(root, 'DLHDon'))).toEqual(['TTChung', 'NDHDon']);
  });

  it('TTChung names the invoice: title, template, symbol, number, day, currency', () => {
    const general = child(child(root, 'DLHDon'), 'TTChung');
    expect(names(general)).toEqual(['THDon', 'KHMSHDon', 'KHHDon', 'SHDon', 'NLap', 'DVTTe']);
    expect(values(general)).toEqual({
      THDon: 'Hóa đơn giá trị gia tăng khởi tạo từ máy tính tiền',
      KHMSHDon: '1',
      KHHDon: 'C26MAA',
      SHDon: '00700000042',
      NLap: '2026-12-31',
      DVTTe: 'VND',
    });
  });

  const content = child(child(root, 'DLHDon'), 'NDHDon');

  it('NDHDon has the seller, no buyer when none asked, the goods and the payment', () => {
    expect(names(content)).toEqual(['NBan', 'DSHHDVu', 'TToan']);
    expect(values(child(content, 'NBan'))).toEqual({
      Ten: record.seller.name,
      MST: '0312345678',
      DChi: record.seller.address,
    });
  });

  it('each HHDVu carries its line, element by element', () => {
    const goods = child(content, 'DSHHDVu');
    expect(goods.children).toHaveLength(record.lines.length);
    goods.children.forEach((item, index) => {
      const entry = record.lines[index];
      if (!entry) throw new Error('line missing');
      expect(item.name).toBe('HHDVu');
      expect(names(item)).toEqual([
        'TChat',
        'STT',
        'MHHDVu',
        'THHDVu',
        'DVTinh',
        'SLuong',
        'DGia',
        'ThTien',
        'TSuat',
        'TThue',
      ]);
      expect(values(item)).toEqual({
        TChat: '1',
        STT: String(index + 1),
        MHHDVu: entry.sku,
        THHDVu: entry.name,
        DVTinh: entry.unit,
        SLuong: entry.quantity,
        DGia: String(entry.unitPrice),
        ThTien: String(entry.amount),
        TSuat: entry.rate.label,
        TThue: String(entry.tax),
      });
    });
    expect(values(goods.children[3] as XmlElement).TSuat).toBe('KCT');
    expect(values(goods.children[4] as XmlElement).SLuong).toBe('0.75');
  });

  it('TToan has one LTSuat per rate, then the totals and the amount in words', () => {
    const payment = child(content, 'TToan');
    expect(names(payment)).toEqual(['THTTLTSuat', 'TgTCThue', 'TgTThue', 'TgTTTBSo', 'TgTTTBChu']);
    const rows = child(payment, 'THTTLTSuat').children.map((row) => {
      expect(names(row)).toEqual(['TSuat', 'ThTien', 'TThue']);
      return values(row);
    });
    expect(rows).toEqual([
      { TSuat: 'KCT', ThTien: '12000', TThue: '0' },
      { TSuat: '0%', ThTien: '65000', TThue: '0' },
      { TSuat: '8%', ThTien: '114583', TThue: '9167' },
      { TSuat: '10%', ThTien: '100000', TThue: '10000' },
    ]);
    const sums = rows.reduce(
      (total, row) => ({
        amount: total.amount + Number(row.ThTien),
        tax: total.tax + Number(row.TThue),
      }),
      { amount: 0, tax: 0 },
    );
    expect(values(payment)).toMatchObject({
      TgTCThue: String(sums.amount),
      TgTThue: String(sums.tax),
      TgTTTBSo: String(sale.priced.totals.total),
      TgTTTBChu: 'Ba trăm mười nghìn bảy trăm năm mươi đồng',
    });
  });
});

describe('buyer data and escaping', () => {
  const awkward = saleOf([
    line('odd', 'vat10', 10_000, 1, {
      name: 'Bánh "Tom & Jerry" <mini> \'vị dâu\'',
      sku: 'A&B<1>',
    }),
  ]);
  const buyer = {
    name: 'Công ty <B> & "C"',
    taxCode: '0109876543-001',
    address: "Số 5 ngõ 'Hoa' \u0007Hà Nội",
    phone: '+84903123456',
    idNumber: '001090001234',
  };
  const xml = invoiceXml(
    buildEInvoiceRecord(
      issueOf(awkward, { buyer, seller: { ...issueOf(awkward).seller, name: "O'Till & Co" } }),
    ),
  );
  const parsed = readXml(xml).root;
  const contentOf = child(child(parsed, 'DLHDon'), 'NDHDon');

  it('writes the buyer after the seller, with only the fields given', () => {
    expect(names(contentOf)).toEqual(['NBan', 'NMua', 'DSHHDVu', 'TToan']);
    expect(values(child(contentOf, 'NMua'))).toEqual({
      Ten: 'Công ty <B> & "C"',
      MST: '0109876543-001',
      DChi: "Số 5 ngõ 'Hoa' Hà Nội", // the bell character cannot be in XML: dropped
      SDThoai: '+84903123456',
      CCCDan: '001090001234',
    });
    const nameOnly = readXml(
      invoiceXml(buildEInvoiceRecord(issueOf(awkward, { buyer: { name: 'Chị Lan' } }))),
    ).root;
    expect(names(child(child(child(nameOnly, 'DLHDon'), 'NDHDon'), 'NMua'))).toEqual(['Ten']);
  });

  it('escapes <, &, quotes in names so they read back unchanged', () => {
    expect(xml).not.toContain('<mini>');
    expect(xml).toContain('Bánh &quot;Tom &amp; Jerry&quot; &lt;mini&gt; &apos;vị dâu&apos;');
    const item = child(child(contentOf, 'DSHHDVu'), 'HHDVu');
    expect(values(item).THHDVu).toBe('Bánh "Tom & Jerry" <mini> \'vị dâu\'');
    expect(values(item).MHHDVu).toBe('A&B<1>');
    expect(values(child(contentOf, 'NBan')).Ten).toBe("O'Till & Co");
  });

  it('keeps Vietnamese letters as UTF-8 text, not character references', () => {
    expect(xml).toContain('Hóa đơn giá trị gia tăng');
    expect(xml).not.toMatch(/&#/);
    expect(new TextEncoder().encode(xml).length).toBeGreaterThan(xml.length);
  });
});
