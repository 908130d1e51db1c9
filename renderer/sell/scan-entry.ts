/**
 * What the scan-or-search field does with an entry: every scan goes through the classifier in
 * src/barcodes first (a typed value, never a guess), then the product is looked up in the
 * catalog index. Text that is no code stays in the field as a search.
 */
import { classifyScan } from '../../src/barcodes';
import type { ScanResult } from '../../src/barcodes';
import type { CustomerDoc, ProductDoc } from '../../src/documents';
import { useCustomerStore } from './customer-store';
import type { Translate } from '../i18n/translate';
import { services } from '../services';
import { scanContext } from '../state/scan-context';
import { useCartStore } from './cart-store';
import { creditNoteOfScan, useCreditNoteOfferStore } from './credit-note-offer';
import { findCustomerOnServer } from './server-customer-find';

export type EntryOutcome =
  | { kind: 'added' }
  | { kind: 'needs-weight'; product: ProductDoc }
  | { kind: 'search' }
  | { kind: 'rejected' }
  | { kind: 'other'; scan: ScanResult };

export function handleEntry(text: string, t: Translate): EntryOutcome {
  const entry = text.trim();
  if (!entry) return { kind: 'search' };
  return handleScan(classifyScan(entry, scanContext()), t);
}

export function handleScan(scan: ScanResult, t: Translate): EntryOutcome {
  const cart = useCartStore.getState();
  const { catalog } = services();
  const reject = (message: string): EntryOutcome => {
    cart.setNotice({ kind: 'error', text: message });
    return { kind: 'rejected' };
  };
  const add = (product: ProductDoc | undefined, code: string, grams?: number): EntryOutcome => {
    if (!product?.active) return reject(t('sell.unknownBarcode', { code }));
    if (product.unitPrice <= 0) return reject(t('sell.noPrice', { name: product.name.vi }));
    if (product.pricing === 'weight' && grams === undefined)
      return { kind: 'needs-weight', product };
    cart.addProduct(product, grams === undefined ? {} : { grams });
    return { kind: 'added' };
  };

  switch (scan.kind) {
    case 'product':
      return add(catalog.byBarcode(scan.gtin14), scan.code);
    case 'gs1-product': {
      if (scan.expired) return reject(t('sell.expired', { date: scan.attributes.expiry ?? '' }));
      return add(catalog.byBarcode(scan.gtin14), scan.gtin14, scan.attributes.netWeightGrams);
    }
    case 'variable-measure': {
      const product = catalog.byPlu(scan.plu);
      if (!product?.active) return reject(t('sell.unknownBarcode', { code: scan.code }));
      if (scan.measure.type === 'weight' && product.unitPrice <= 0)
        return reject(t('sell.noPrice', { name: product.name.vi }));
      if (scan.measure.type === 'weight') return add(product, scan.code, scan.measure.grams);
      cart.addProduct(product, { labelPrice: scan.measure.amount });
      return { kind: 'added' };
    }
    case 'invalid':
      return reject(
        t('sell.invalidScan', { reason: t(`scan.invalid.${scan.reason}`, { code: scan.raw }) }),
      );
    case 'unknown':
      // Words and partial codes are a search; a long run of digits was meant as a barcode.
      if (/^\d{8,}$/.test(scan.raw)) return reject(t('sell.unknownBarcode', { code: scan.raw }));
      return { kind: 'search' };
    case 'loyalty-card':
      void attachByCard(scan.cardNumber, t);
      return { kind: 'other', scan };
    case 'staff-badge':
      // Badges approve overrides; the override prompt takes them while it is open.
      return { kind: 'other', scan };
    case 'receipt': {
      const note = creditNoteOfScan(scan);
      if (note === null) {
        cart.setNotice({ kind: 'info', text: t('sell.notAProduct', { code: scan.raw }) });
        return { kind: 'other', scan };
      }
      return offerCreditNote(note, scan, t);
    }
    case 'logistic-unit':
    case 'gift-card':
    case 'coupon':
    case 'order':
      cart.setNotice({ kind: 'info', text: t('sell.notAProduct', { code: scan.raw }) });
      return { kind: 'other', scan };
  }
}

/**
 * A return receipt's code (its credit note) scanned at the till pays with that note: the
 * payment panel opens, if it is not open yet, with the store-credit tender and the number filled
 * in; the cashier checks the amount and adds it. With nothing rung up there is nothing to pay.
 */
function offerCreditNote(number: string, scan: ScanResult, t: Translate): EntryOutcome {
  const cart = useCartStore.getState();
  if (cart.lines.length === 0) {
    cart.setNotice({ kind: 'error', text: t('sell.creditNoteNothingToPay', { number }) });
    return { kind: 'rejected' };
  }
  useCreditNoteOfferStore.getState().setOffer({ number });
  if (!cart.paying) cart.setPaying(true);
  cart.setNotice({ kind: 'info', text: t('sell.creditNoteScanned', { number }) });
  return { kind: 'other', scan };
}

/** A loyalty card scanned at the till attaches its customer to the open sale. */
export async function attachByCard(cardNumber: string, t: Translate): Promise<boolean> {
  const { db } = services();
  const doc = await db.customers.findOne({ selector: { loyaltyCardNumber: cardNumber } }).exec();
  const [customer] = doc
    ? [doc.toJSON() as CustomerDoc]
    : await findCustomerOnServer({ kind: 'card', cardNumber });
  const cart = useCartStore.getState();
  if (!customer) {
    cart.setNotice({ kind: 'error', text: t('sell.unknownCard', { code: cardNumber }) });
    return false;
  }
  useCustomerStore.getState().attach(customer);
  cart.setNotice({ kind: 'info', text: t('sell.customerAttached', { name: customer.name }) });
  return true;
}
