/**
 * The receipt page a customer opens from an e-receipt: plain HTML, UTF-8, no script, readable on
 * a phone. Its lines are the printed receipt's own (src/receipt `layoutReceipt` on 42 columns,
 * the 80 mm paper's narrower width), so the page never says something the paper does not; here
 * they are only escaped and styled. Barcodes print as their text; the QR code and the paper's
 * feeds and cuts are left out.
 */
import type { Locale } from '../../src/money';
import { layoutReceipt } from '../../src/receipt';
import type { Receipt } from '../../src/receipt';

const PAGE_COLUMNS = 42;

/** Everything that reaches the page goes through this: product names come from registers. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const TITLES: Record<Locale, { title: string; note: string }> = {
  'vi-VN': {
    title: 'Hóa đơn điện tử',
    note: 'Hóa đơn bán lẻ gửi từ cửa hàng. Giữ đường dẫn này riêng tư: ai có nó đều xem được.',
  },
  'en-US': {
    title: 'E-receipt',
    note: 'A copy of your receipt from the store. Keep this link private: anyone with it can see it.',
  },
};

const STYLE = [
  'body{margin:0;background:#f3f3f3;color:#111;font-family:system-ui,sans-serif}',
  'main{max-width:30rem;margin:0 auto;padding:1rem}',
  'h1{font-size:1.1rem;margin:0 0 .75rem}',
  '.paper{background:#fff;padding:.75rem;box-shadow:0 1px 3px rgba(0,0,0,.2);overflow-x:auto}',
  'pre{margin:0;font:min(3.3vw,14px)/1.35 ui-monospace,Menlo,Consolas,"Noto Sans Mono","Liberation Mono",monospace;white-space:pre}',
  '.big{font-size:1.4em;font-weight:700}',
  'p{font-size:.8rem;color:#555}',
].join('');

function pageLines(receipt: Receipt): string {
  const layout = layoutReceipt(receipt, PAGE_COLUMNS);
  const parts: string[] = [];
  for (const line of layout.lines) {
    if (line.kind === 'text') {
      const text = escapeHtml(line.text.trimEnd());
      if (line.style.size === 2) parts.push(`<span class="big">${text}</span>`);
      else if (line.style.bold) parts.push(`<b>${text}</b>`);
      else parts.push(text);
    } else if (line.kind === 'barcode' && line.showText) {
      parts.push(escapeHtml(line.value));
    }
  }
  return parts.join('\n');
}

export function receiptPageHtml(receipt: Receipt, locale: Locale, storeName: string): string {
  const words = TITLES[locale];
  return [
    '<!doctype html>',
    `<html lang="${locale === 'vi-VN' ? 'vi' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${escapeHtml(`${words.title} · ${storeName}`)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body><main>',
    `<h1>${escapeHtml(words.title)}</h1>`,
    `<div class="paper"><pre>${pageLines(receipt)}</pre></div>`,
    `<p>${escapeHtml(words.note)}</p>`,
    '</main></body></html>',
  ].join('\n');
}

/** The same page for every unknown, mistyped or revoked link: it tells nothing about which. */
export const NOT_FOUND_PAGE = [
  '<!doctype html>',
  '<html lang="vi">',
  '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
  '<title>Không tìm thấy / Not found</title></head>',
  '<body><main><h1>Không tìm thấy hóa đơn / Receipt not found</h1>',
  '<p>Kiểm tra lại đường dẫn, hoặc hỏi cửa hàng gửi lại. / Check the link, or ask the store to send it again.</p>',
  '</main></body></html>',
].join('\n');

/** An address that tried too many wrong links waits (Retry-After says how long). */
export const TOO_MANY_PAGE = [
  '<!doctype html>',
  '<html lang="vi">',
  '<head><meta charset="utf-8"><title>Thử lại sau / Try again later</title></head>',
  '<body><main><h1>Quá nhiều yêu cầu / Too many requests</h1>',
  '<p>Đợi một lúc rồi mở lại đường dẫn. / Wait a while, then open the link again.</p>',
  '</main></body></html>',
].join('\n');
