/**
 * Finding a sale by the receipt number people read (`Q1-01-000123`), as pure decisions: what the
 * server's answer to `sales/find` means to the lookup, and what a search typed into the reprint
 * list matches. Both read numbers with the one parse (src/receipt/receipt-number.ts).
 */
import type { SaleReply } from '../../src/api';
import type { SaleDoc } from '../../src/documents';
import { formatReceiptNumber, parseReceiptNumber } from '../../src/receipt/receipt-number';
import type { ApiResult } from '../platform/server-api';

/** Why a number found no sale: the cashier is told differently for each. */
export type SaleNumberMiss = 'not-found' | 'not-found-offline' | 'ambiguous';

export type SaleNumberAnswer =
  { ok: true; reply: SaleReply } | { ok: false; reason: SaleNumberMiss; detail?: string };

/**
 * The server's answer to a number this replica does not hold. 409: two stores print the same
 * codes (they are derived from ids, docs/DATA.md), so only the receipt's barcode tells them apart.
 * Any other refusal (404, or a 400 the register's own parse should have prevented) is not found.
 */
export function saleNumberAnswer(remote: ApiResult<SaleReply>): SaleNumberAnswer {
  if (remote.ok) return { ok: true, reply: remote.value };
  if (remote.offline) return { ok: false, reason: 'not-found-offline' };
  if (remote.status === 409) return { ok: false, reason: 'ambiguous', detail: remote.reason };
  return { ok: false, reason: 'not-found', detail: remote.reason };
}

/**
 * What the reprint list's search field asks for: every recent receipt (empty), one number in
 * full (found in the whole replica, however old), or a piece of one (the last digits, or the
 * number typed without its dashes), matched against the recent receipts.
 */
export type ReceiptSearch =
  { kind: 'all' } | { kind: 'number'; number: string } | { kind: 'fragment'; text: string };

/** Letters and digits only, in capitals: `q1 01-0001` and `Q1-01-0001` compare alike. */
const squeezed = (text: string): string => text.toUpperCase().replace(/[^A-Z0-9]/g, '');

export function readReceiptSearch(text: string): ReceiptSearch {
  const parts = parseReceiptNumber(text);
  if (parts) return { kind: 'number', number: formatReceiptNumber(parts) };
  const fragment = squeezed(text);
  return fragment ? { kind: 'fragment', text: fragment } : { kind: 'all' };
}

export function matchesReceiptSearch(
  sale: Pick<SaleDoc, 'receiptNumber'>,
  search: ReceiptSearch,
): boolean {
  switch (search.kind) {
    case 'all':
      return true;
    case 'number':
      return sale.receiptNumber === search.number;
    case 'fragment':
      // Sales from before numbering have none: a search never shows them.
      return sale.receiptNumber !== undefined && squeezed(sale.receiptNumber).includes(search.text);
  }
}
