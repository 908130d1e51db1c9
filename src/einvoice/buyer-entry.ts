/**
 * Buyer data a manager enters for an invoice after the sale (docs/INVOICES.md, "Buyer data after
 * the sale"): one check, field by field, for the manager's form and the sync-server's route
 * alike, so the form words a problem in the manager's language before anything is sent and the
 * server refuses the same input with the same reason. Formats are invoice-parties.ts's (the tax
 * code, the 12-digit ID number, the phone through the customers' one phone rule); lengths are
 * bounded here.
 */
import { normalizePhone } from '../customers/customer-identity';
import { checkBuyer, isIdNumber, isTaxCode } from './invoice-parties';
import type { EInvoiceBuyer } from './invoice-parties';

export type BuyerField = keyof EInvoiceBuyer;

export const BUYER_FIELDS: readonly BuyerField[] = [
  'name',
  'taxCode',
  'address',
  'idNumber',
  'phone',
];

/**
 * The longest text taken per field, as typed (spaces around included). Omnitill's bounds: a
 * company's registered name and address fit well within them; the codes leave room for spaces.
 */
export const BUYER_MAX_LENGTH: Readonly<Record<BuyerField, number>> = {
  name: 200,
  taxCode: 20,
  address: 300,
  idNumber: 20,
  phone: 24,
};

/** What is wrong with one field; `needs-name` is a tax code without the buyer's name. */
export type BuyerProblemKind =
  'too-long' | 'tax-code' | 'id-number' | 'phone' | 'needs-name' | 'empty' | 'masked';

export interface BuyerProblem {
  /** Absent for `empty`, which is about the whole entry. */
  field?: BuyerField;
  problem: BuyerProblemKind;
  /** The reason in English, for the API's answer and logs; the form words its own. */
  reason: string;
}

export type BuyerEntry = Partial<Record<BuyerField, string>>;

const REASONS: Readonly<Record<BuyerProblemKind, (field: BuyerField, max: number) => string>> = {
  'too-long': (field, max) => `buyer.${field} is longer than ${max} characters; shorten it.`,
  'tax-code': () =>
    "The buyer's tax code is not 10 digits, 10 digits-3 digits or 12 digits; check it with the buyer.",
  'id-number': () => "The buyer's ID number is not 12 digits; check it on the ID card.",
  phone: () => "The buyer's phone is not a phone number; check it with the buyer.",
  'needs-name': () =>
    "A buyer's tax code needs the buyer's name (the company's name) beside it; enter the name.",
  empty: () => "Enter at least one of the buyer's name, tax code, address, ID number or phone.",
  masked: (field) =>
    `buyer.${field} is shown hidden (with *) and was changed: type the whole ${field === 'phone' ? 'phone number' : 'ID number'} again, or leave it as shown to keep it.`,
};

/**
 * A person's ID number and phone are personal data (Decree 13/2023/NĐ-CP): a register is shown
 * them hidden, all but the last 3 characters replaced by `*`; the head office (admin) sees them
 * whole. A form sends a hidden value back unchanged to keep what is on file.
 */
export const HIDDEN_BUYER_FIELDS = ['idNumber', 'phone'] as const;
const HIDE = '*';
const SHOWN_TAIL = 3;

export function hiddenBuyerValue(value: string): string {
  return HIDE.repeat(Math.max(0, value.length - SHOWN_TAIL)) + value.slice(-SHOWN_TAIL);
}

/** The buyer as a register is shown it: the ID number and phone hidden. */
export function hideBuyer(buyer: EInvoiceBuyer): EInvoiceBuyer {
  const shown = { ...buyer };
  for (const field of HIDDEN_BUYER_FIELDS) {
    const value = shown[field];
    if (value) shown[field] = hiddenBuyerValue(value);
  }
  return shown;
}

function problem(kind: BuyerProblemKind, field?: BuyerField): BuyerProblem {
  return {
    ...(field ? { field } : {}),
    problem: kind,
    reason: REASONS[kind](field ?? 'name', field ? BUYER_MAX_LENGTH[field] : 0),
  };
}

/**
 * The buyer as it goes into `NMua` (trimmed, the phone in E.164, blank fields dropped), or the
 * first problem found, in the form's field order.
 *
 * `onFile`: the buyer the invoice holds (whole on the server; hidden, as a register is shown it,
 * in the form). A hidden field sent back as shown keeps the value on file; a field with `*` in it
 * that is not what was shown is refused (`masked`): the number must be typed again whole. In the
 * form, a kept hidden value is not checked again (the server checked it when it was entered).
 */
export function checkBuyerEntry(
  entry: BuyerEntry,
  onFile?: EInvoiceBuyer,
): { ok: true; buyer: EInvoiceBuyer } | { ok: false; problem: BuyerProblem } {
  const resolved: BuyerEntry = { ...entry };
  const keptHidden: BuyerEntry = {};
  for (const field of HIDDEN_BUYER_FIELDS) {
    const sent = entry[field]?.trim();
    if (!sent?.includes(HIDE)) continue;
    const filed = onFile?.[field];
    if (!filed || (sent !== filed && sent !== hiddenBuyerValue(filed))) {
      return { ok: false, problem: problem('masked', field) };
    }
    if (filed.includes(HIDE)) {
      delete resolved[field];
      keptHidden[field] = filed;
    } else resolved[field] = filed;
  }
  const checked = checkResolved(resolved, Object.keys(keptHidden).length > 0);
  return checked.ok ? { ok: true, buyer: { ...checked.buyer, ...keptHidden } } : checked;
}

function checkResolved(
  entry: BuyerEntry,
  keepsHidden: boolean,
): { ok: true; buyer: EInvoiceBuyer } | { ok: false; problem: BuyerProblem } {
  for (const field of BUYER_FIELDS) {
    if ((entry[field] ?? '').length > BUYER_MAX_LENGTH[field]) {
      return { ok: false, problem: problem('too-long', field) };
    }
  }
  const value = (field: BuyerField) => (entry[field] ?? '').trim();
  if (value('taxCode') && !isTaxCode(value('taxCode'))) {
    return { ok: false, problem: problem('tax-code', 'taxCode') };
  }
  if (value('idNumber') && !isIdNumber(value('idNumber'))) {
    return { ok: false, problem: problem('id-number', 'idNumber') };
  }
  if (value('phone') && !normalizePhone(value('phone'))) {
    return { ok: false, problem: problem('phone', 'phone') };
  }
  if (value('taxCode') && !value('name')) {
    return { ok: false, problem: problem('needs-name', 'name') };
  }
  // The same rule the invoice is built with: what passes here passes there.
  const buyer = checkBuyer(Object.fromEntries(BUYER_FIELDS.map((field) => [field, value(field)])));
  if (buyer) return { ok: true, buyer };
  return keepsHidden ? { ok: true, buyer: {} } : { ok: false, problem: problem('empty') };
}
