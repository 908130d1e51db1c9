/**
 * The customer's receipt for a completed till sale: the store's header, every line with its
 * quantity, price and the reasons it costs less (promotions, discounts, a changed price), the
 * totals, VAT per rate, the tenders and change, the loyalty points, the footer, and the sale id
 * as a Code 128 and an OMNITILL QR code so a return can find the sale by scanning. The receipt
 * number (`Q1-01-000123`) is printed large under the title. When the store issues e-invoices,
 * the invoice's tax-authority code and where to look it up (text and QR) close the receipt.
 *
 * Amounts come from the SaleDoc as priced by src/pricing: nothing is computed here but text.
 */
import { omnitillCodeText } from '../../barcodes/document-reference';
import type { SaleDoc } from '../../documents/sale';
import type { TaxKind } from '../../documents/store-settings';
import { taxCategoryLabel } from '../../tax/tax-labels';
import { formatAmount } from '../../money';
import type { Locale, Minor } from '../../money';
import type { AppliedTender } from '../../documents/parts/tender';
import { isGiftCardLine, maskedCardNumber } from '../../stored-value/gift-card-line';
import type { Receipt, ReceiptBlock } from '../model';
import {
  centered,
  labelAmount,
  line,
  pricedCartBlocks,
  printedAt,
  textAmount,
} from './builder-kit';
import type { ReceiptContext } from './builder-kit';

export interface SaleReceiptInput extends ReceiptContext {
  sale: SaleDoc;
  /** StoreSettingsDoc.receipt: printed as given, header on top, footer at the end. */
  header: readonly string[];
  footer: readonly string[];
  /**
   * Each tax category's kind by id (src/tax taxKindsById of StoreSettingsDoc.tax.rates): a row
   * prints the rate the sale was taxed at ("0%", "8%"), or "Không chịu thuế GTGT" / KKKNT's words.
   * A category not listed prints as a rate.
   */
  taxKinds?: Readonly<Record<string, TaxKind>>;
  staffName?: string;
  customer?: { name: string; cardNumber?: string };
  /** The customer's points balance after the sale, when known. */
  pointsBalance?: number | null;
  /** Reprints are marked as copies (the layout prints the copy header). */
  copy?: boolean;
  /**
   * The register printed the sale offline: its gift cards activate when it syncs (the server
   * issues them from the verified sale), and the receipt says so.
   */
  giftCardsPending?: boolean;
  /** The sale's e-invoice (src/einvoice saleInvoiceCode); absent when it gets none. */
  einvoice?: { code: string; lookupUrl?: string };
}

const LABELS = {
  'vi-VN': {
    title: 'HÓA ĐƠN BÁN HÀNG',
    sale: 'Số HĐ',
    register: 'Quầy',
    cashier: 'Thu ngân',
    rounding: 'Làm tròn tiền mặt',
    toPay: 'Khách cần trả',
    taxTitle: 'Thuế GTGT (đã gồm trong giá)',
    taxTitleExclusive: 'Thuế GTGT',
    cash: 'Tiền mặt',
    card: 'Thẻ',
    approval: 'mã duyệt',
    storeCredit: 'Phiếu mua hàng',
    giftCard: 'Thẻ quà tặng',
    bankTransfer: 'Chuyển khoản',
    points: 'Điểm thưởng',
    pointsUnit: 'điểm',
    change: 'Tiền thừa',
    customer: 'Khách hàng',
    earned: 'Điểm cộng',
    redeemed: 'Điểm đã dùng',
    balance: 'Điểm hiện có',
    einvoice: 'Mã hóa đơn điện tử',
    lookup: 'Tra cứu hóa đơn tại',
    giftCardSold: 'Thẻ quà tặng đã bán',
    giftCardPending: 'Thẻ kích hoạt khi quầy đồng bộ',
  },
  'en-US': {
    title: 'SALES RECEIPT',
    sale: 'Sale',
    register: 'Register',
    cashier: 'Cashier',
    rounding: 'Cash rounding',
    toPay: 'To pay',
    taxTitle: 'VAT (included in prices)',
    taxTitleExclusive: 'VAT',
    cash: 'Cash',
    card: 'Card',
    approval: 'approval',
    storeCredit: 'Store credit',
    giftCard: 'Gift card',
    bankTransfer: 'Bank transfer',
    points: 'Loyalty points',
    pointsUnit: 'points',
    change: 'Change',
    customer: 'Customer',
    earned: 'Points earned',
    redeemed: 'Points used',
    balance: 'Points balance',
    einvoice: 'E-invoice code',
    lookup: 'Look the invoice up at',
    giftCardSold: 'Gift cards sold',
    giftCardPending: 'Activates when the register syncs',
  },
} as const satisfies Record<Locale, Record<string, string>>;

type Labels = (typeof LABELS)[Locale];

function tenderLabel(tender: AppliedTender, labels: Labels): string {
  switch (tender.kind) {
    case 'cash':
      return labels.cash;
    case 'card':
      return `${labels.card}${tender.cardLast4 ? ` *${tender.cardLast4}` : ''} (${labels.approval} ${tender.approvalCode})`;
    case 'store-credit':
      return tender.creditReference
        ? `${labels.storeCredit} ${tender.creditReference}`
        : labels.storeCredit;
    case 'gift-card':
      return `${labels.giftCard} ${maskedCardNumber(tender.cardNumber)}`;
    case 'loyalty-points':
      return `${labels.points} (${tender.points} ${labels.pointsUnit})`;
    case 'bank-transfer':
      // The reference is what the bank statement shows: the receipt ties the two together.
      return `${labels.bankTransfer} ${tender.paymentReference}`;
  }
}

/** The gift cards the sale sold, masked, with their value; offline, when they activate. */
function giftCardBlocks(input: SaleReceiptInput, labels: Labels): ReceiptBlock[] {
  const sold = input.sale.cart.lines.filter(isGiftCardLine);
  if (sold.length === 0) return [];
  const priced = new Map(input.sale.priced.lines.map((line) => [line.lineId, line]));
  return [
    { kind: 'separator', char: '-' },
    line(labels.giftCardSold),
    ...sold.map((card) =>
      labelAmount(
        `${labels.giftCard} ${maskedCardNumber(card.sku)}`,
        priced.get(card.lineId)?.total ?? card.unitPrice,
        input,
      ),
    ),
    ...(input.giftCardsPending ? [line(labels.giftCardPending)] : []),
  ];
}

/**
 * The e-invoice's code, large enough to read out, and its lookup address as text and as a QR
 * (a second QR, after the one that finds the sale for a return). A voided sale has none.
 */
function einvoiceBlocks(input: SaleReceiptInput, labels: Labels): ReceiptBlock[] {
  const { einvoice } = input;
  if (!einvoice || input.sale.status !== 'completed') return [];
  return [
    { kind: 'separator', char: '-' },
    centered(labels.einvoice),
    centered(einvoice.code, { bold: true }),
    ...(einvoice.lookupUrl
      ? [
          centered(labels.lookup),
          centered(einvoice.lookupUrl),
          { kind: 'qr' as const, value: einvoice.lookupUrl, cellSize: 4 },
        ]
      : []),
  ];
}

export function buildSaleReceipt(input: SaleReceiptInput): Receipt {
  const { sale } = input;
  const labels = LABELS[input.locale];
  const money = (amount: Minor) => formatAmount(amount, input.currency, input.locale);

  const blocks: ReceiptBlock[] = [];
  input.header.forEach((text, index) =>
    blocks.push(index === 0 ? centered(text, { bold: true, size: 2 }) : centered(text)),
  );
  blocks.push(
    { kind: 'separator', char: '=' },
    centered(labels.title, { bold: true }),
    centered(printedAt(input)),
    // The receipt number is what people read out and type (receipt-number.ts), so it is large;
    // a sale from before numbers shows its id as it always did.
    ...(sale.receiptNumber
      ? [centered(labels.sale), centered(sale.receiptNumber, { bold: true, size: 2 })]
      : [line(`${labels.sale}: ${sale.id}`)]),
    line(
      `${labels.register}: ${sale.registerId}${input.staffName ? `  ${labels.cashier}: ${input.staffName}` : ''}`,
    ),
    { kind: 'separator', char: '-' },
    ...pricedCartBlocks(sale.cart, sale.priced, input),
  );
  const { payment } = sale;
  if (payment.cashRoundingAdjustment !== 0) {
    blocks.push(labelAmount(labels.rounding, payment.cashRoundingAdjustment, input));
    blocks.push(labelAmount(labels.toPay, payment.amountToCollect, input, { bold: true }));
  }

  blocks.push({ kind: 'separator', char: '-' });
  for (const tender of payment.tenders) {
    blocks.push(labelAmount(tenderLabel(tender, labels), tender.amount, input));
  }
  if (payment.change > 0) {
    blocks.push(labelAmount(labels.change, payment.change, input, { bold: true }));
  }
  blocks.push(...giftCardBlocks(input, labels));

  if (sale.priced.taxBreakdown.length > 0) {
    blocks.push(
      { kind: 'separator', char: '-' },
      line(sale.priced.pricesIncludeTax ? labels.taxTitle : labels.taxTitleExclusive),
    );
    for (const entry of sale.priced.taxBreakdown) {
      const kind = input.taxKinds?.[entry.taxRateId] ?? 'rate';
      const label = taxCategoryLabel(kind, entry.rateBp, input.locale);
      // A category's words get their own line: cut to a column, "Không chịu thuế GTGT" would
      // read as a different category on a 58 mm roll.
      if (kind !== 'rate') blocks.push(line(label));
      blocks.push({
        kind: 'columns',
        columns: [
          { text: kind === 'rate' ? label : '', weight: 2, align: 'left' },
          { text: money(entry.taxable), weight: 2, align: 'right' },
          { text: money(entry.tax), weight: 2, align: 'right' },
        ],
      });
    }
  }

  if (input.customer || sale.loyalty) {
    blocks.push({ kind: 'separator', char: '-' });
    if (input.customer) {
      const card = input.customer.cardNumber ? ` (${input.customer.cardNumber})` : '';
      blocks.push(line(`${labels.customer}: ${input.customer.name}${card}`));
    }
    if (sale.loyalty) {
      blocks.push(textAmount(labels.earned, `+${sale.loyalty.pointsEarned}`));
      if (sale.loyalty.pointsRedeemed > 0) {
        blocks.push(textAmount(labels.redeemed, `-${sale.loyalty.pointsRedeemed}`));
      }
    }
    if (input.pointsBalance !== undefined && input.pointsBalance !== null) {
      blocks.push(textAmount(labels.balance, String(input.pointsBalance), true));
    }
  }

  blocks.push({ kind: 'separator', char: '=' });
  for (const text of input.footer) blocks.push(centered(text));
  blocks.push(
    { kind: 'feed', lines: 1 },
    // Scanned to find the sale; its long id is printed under it only when there is no number.
    { kind: 'barcode', symbology: 'CODE128', value: sale.id, showText: !sale.receiptNumber },
    { kind: 'qr', value: omnitillCodeText('sale', sale.id), cellSize: 4 },
    ...einvoiceBlocks(input, labels),
    { kind: 'feed', lines: 2 },
    { kind: 'cut' },
  );
  return {
    documentId: sale.id,
    kind: 'sale',
    ...(input.copy ? { copy: true } : {}),
    blocks,
  };
}
