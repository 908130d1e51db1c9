import type { SaleDoc } from '../../documents/sale';
import type { StoreSettingsDoc } from '../../documents/store-settings';
import { EInvoiceError } from '../../einvoice/einvoice-error';
import { saleInvoiceCode } from '../../einvoice/sale-invoice-code';
import { storeTimeZone } from '../../store-clock';
import { taxKindsById } from '../../tax';
import type { Receipt } from '../model';
import { buildSaleReceipt } from './sale-receipt';
import type { SaleReceiptInput } from './sale-receipt';

/** What the store's settings do not say: who sold it, to whom, and whether it is a reprint. */
export type SaleReceiptExtras = Pick<
  SaleReceiptInput,
  'pointsBalance' | 'copy' | 'giftCardsPending'
> & {
  staffName?: string | null;
  customer?: { name: string; loyaltyCardNumber?: string } | null;
};

/** A code that cannot be made (a register past its last number) never stops the receipt. */
function invoiceCodeOrNone(sale: SaleDoc, settings: StoreSettingsDoc | null | undefined) {
  try {
    return saleInvoiceCode(sale, settings);
  } catch (error) {
    if (error instanceof EInvoiceError) return null;
    throw error;
  }
}

/**
 * A sale's receipt as its store prints it: language, name, time zone, header and footer and tax
 * wording from the store's settings. One place for the printed receipt (renderer/sell/
 * receipt-printing.ts) and the e-receipt page (sync-server/notifications/receipt-source.ts), so
 * the page shows what the paper shows. The e-invoice code comes from the settings' `einvoice`
 * section and the sale's receipt sequence (src/einvoice), so paper and server agree.
 */
export function storeSaleReceipt(
  sale: SaleDoc,
  settings: StoreSettingsDoc | null | undefined,
  extras: SaleReceiptExtras = {},
): Receipt {
  const { staffName, customer, pointsBalance, copy, giftCardsPending } = extras;
  const einvoice = invoiceCodeOrNone(sale, settings);
  return buildSaleReceipt({
    sale,
    storeName: settings?.name ?? sale.storeId,
    locale: settings?.defaultLocale ?? 'vi-VN',
    currency: sale.currency,
    now: new Date(sale.completedAt),
    timeZone: storeTimeZone(settings),
    header: settings?.receipt.header ?? [],
    footer: settings?.receipt.footer ?? [],
    taxKinds: taxKindsById(settings?.tax.rates ?? []),
    ...(staffName ? { staffName } : {}),
    ...(customer
      ? {
          customer: {
            name: customer.name,
            ...(customer.loyaltyCardNumber ? { cardNumber: customer.loyaltyCardNumber } : {}),
          },
        }
      : {}),
    ...(pointsBalance === undefined ? {} : { pointsBalance }),
    ...(copy === undefined ? {} : { copy }),
    ...(giftCardsPending ? { giftCardsPending } : {}),
    ...(einvoice ? { einvoice } : {}),
  });
}
