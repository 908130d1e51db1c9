/** The receipt page: the printed receipt's lines, every character from a document escaped. */
import { describe, expect, it } from 'vitest';
import type { Receipt } from '../../../src/receipt';
import { escapeHtml, receiptPageHtml } from '../../../sync-server/notifications/receipt-page';

const receipt: Receipt = {
  documentId: 'sale_X',
  kind: 'sale',
  blocks: [
    { kind: 'text', text: 'Cửa hàng <b>"A" & B\'s</b>', align: 'center', style: { size: 2 } },
    {
      kind: 'columns',
      columns: [
        { text: '<script>alert(1)</script>', weight: 3 },
        { text: '47.000', weight: 2 },
      ],
    },
    { kind: 'barcode', symbology: 'CODE128', value: 'sale_X<img>' },
    { kind: 'qr', value: 'OMNITILL:sale_X' },
    { kind: 'cut' },
  ],
};

describe('the receipt page', () => {
  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });

  it('shows the lines in the store’s language with nothing from the document left as markup', () => {
    const html = receiptPageHtml(receipt, 'vi-VN', 'Cửa <i>hàng</i>');
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('Hóa đơn điện tử');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('47.000');
    expect(html).toContain('sale_X&lt;img&gt;');
    expect(html).toContain('Cửa &lt;i&gt;hàng&lt;/i&gt;');
    expect(html).not.toMatch(/<script|<img|<i>|<b>"A"/);
    expect(html).not.toContain('OMNITILL:sale_X');
    expect(receiptPageHtml(receipt, 'en-US', 'S')).toContain('<html lang="en">');
  });
});
