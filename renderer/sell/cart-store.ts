/**
 * The open sale as the cashier builds it: lines, manual discounts and price overrides, the
 * attached customer and the tenders taken so far. Prices are never computed here: the priced
 * view comes from src/pricing (priceCart), the one module that owns prices.
 */
import { create } from 'zustand';
import type { ProductDoc } from '../../src/documents';
import type { Minor } from '../../src/money';
import { timeOrderedId } from '../../src/ids';
import type { CartInput, CartLineInput, ManualDiscount, PriceOverride } from '../../src/pricing';
import { cartLineFor } from '../../src/pricing';
import { giftCardLine, isGiftCardLine, maskedCardNumber } from '../../src/stored-value';
import type { TenderInput } from '../../src/tenders';

export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

export interface CartState {
  /** Made when the first line goes in and kept until the sale is done or voided. */
  saleId: string | null;
  /** When the first line went in: the sale is priced at this instant, as the server re-prices it. */
  startedAt: string | null;
  lines: CartLineInput[];
  orderDiscount: ManualDiscount | null;
  customerId: string | null;
  /** Payments taken so far; a sale with tenders has "payment started". */
  tenders: TenderInput[];
  /** The payment panel is open. */
  paying: boolean;
  notice: Notice | null;
  /** The line the cashier touched last: highlighted, and the one +, - and Del act on. */
  lastLineId: string | null;
  /** `labelPrice`: an in-store price label (prefix 22) fixes the amount of this one item. */
  addProduct: (
    product: ProductDoc,
    options?: { quantity?: number; grams?: number; labelPrice?: Minor },
  ) => void;
  /**
   * A gift card line selling `number` (normalised) loaded with `amount`; false, and nothing
   * added, when the cart already sells that card.
   */
  addGiftCard: (number: string, amount: Minor) => boolean;
  setQuantity: (lineId: string, quantity: number) => void;
  removeLine: (lineId: string) => void;
  selectLine: (lineId: string | null) => void;
  setLineDiscount: (lineId: string, discount: ManualDiscount | null) => void;
  setOverride: (lineId: string, override: PriceOverride | null) => void;
  setOrderDiscount: (discount: ManualDiscount | null) => void;
  setCustomer: (customerId: string | null) => void;
  addTender: (tender: TenderInput) => void;
  removeTender: (tenderId: string) => void;
  setPaying: (paying: boolean) => void;
  setNotice: (notice: Notice | null) => void;
  /** Takes over a parked sale's cart as the open sale (a new sale id: a new sale is born here). */
  restore: (cart: CartInput, customerId: string | null) => void;
  /**
   * The next sale takes this id (an exchange reserved it on its ReturnDoc). Only while nothing
   * is rung up: an open sale keeps its own id.
   */
  reserveSaleId: (saleId: string) => boolean;
  /** Takes back the open sale the register held when it stopped (renderer/sell/cart-journal.ts). */
  resume: (open: OpenCart) => void;
  clear: () => void;
}

/** What makes the open sale, as the cart journal keeps it across a restart. */
export type OpenCart = Pick<
  CartState,
  'saleId' | 'startedAt' | 'lines' | 'orderDiscount' | 'customerId' | 'tenders'
>;

export function openCartOf(state: OpenCart): OpenCart {
  return {
    saleId: state.saleId,
    startedAt: state.startedAt,
    lines: state.lines,
    orderDiscount: state.orderDiscount,
    customerId: state.customerId,
    tenders: state.tenders,
  };
}

function random(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}

export function newId(prefix: string): string {
  return timeOrderedId(prefix, Date.now(), random);
}

function lineFor(product: ProductDoc, quantity: number, grams: number | undefined): CartLineInput {
  return cartLineFor(product, { lineId: newId('line'), quantity, grams });
}

/** The sale id and start time, made with the first line. */
function started(state: CartState): Pick<CartState, 'saleId' | 'startedAt'> {
  return {
    saleId: state.saleId ?? newId('sale'),
    startedAt: state.startedAt ?? new Date().toISOString(),
  };
}

const EMPTY = {
  saleId: null,
  startedAt: null,
  lines: [],
  orderDiscount: null,
  customerId: null,
  tenders: [],
  paying: false,
  notice: null,
  lastLineId: null,
} as const;

function mapLine(
  lines: CartLineInput[],
  lineId: string,
  change: (line: CartLineInput) => CartLineInput,
): CartLineInput[] {
  return lines.map((line) => (line.lineId === lineId ? change(line) : line));
}

export const useCartStore = create<CartState>()((set) => ({
  ...EMPTY,
  lines: [],
  tenders: [],
  addProduct: (product, options = {}) =>
    set((state) => {
      const quantity = options.quantity ?? 1;
      // Scanning the same piece again adds to its line, as cashiers expect; weighed bags and
      // lines with a manual change stay separate.
      if (options.labelPrice !== undefined) {
        const labelled = {
          ...lineFor(product, 1, undefined),
          pricing: 'unit' as const,
          unitPrice: options.labelPrice,
        };
        return {
          ...started(state),
          lines: [...state.lines, labelled],
          lastLineId: labelled.lineId,
          notice: null,
        };
      }
      const same = state.lines.find(
        (line) =>
          line.productId === product.id &&
          line.pricing === 'unit' &&
          line.unitPrice === product.unitPrice &&
          !line.discount &&
          !line.override,
      );
      if (same && product.pricing === 'unit') {
        return {
          ...started(state),
          lines: mapLine(state.lines, same.lineId, (line) => ({
            ...line,
            quantity: line.quantity + quantity,
          })),
          lastLineId: same.lineId,
          notice: null,
        };
      }
      const line = lineFor(product, quantity, options.grams);
      return {
        ...started(state),
        lines: [...state.lines, line],
        lastLineId: line.lineId,
        notice: null,
      };
    }),
  addGiftCard: (number, amount) => {
    let added = false;
    set((state) => {
      const line = giftCardLine({
        lineId: newId('line'),
        number,
        amount,
        // Line names are the catalog's Vietnamese words; the receipt prints it as it is.
        name: `Thẻ quà tặng ${maskedCardNumber(number)}`,
      });
      if (state.lines.some((other) => isGiftCardLine(other) && other.sku === line.sku)) return {};
      added = true;
      return { ...started(state), lines: [...state.lines, line], lastLineId: line.lineId };
    });
    return added;
  },
  setQuantity: (lineId, quantity) =>
    set((state) => ({
      lines:
        quantity <= 0
          ? state.lines.filter((line) => line.lineId !== lineId)
          : mapLine(state.lines, lineId, (line) =>
              line.pricing === 'unit' && !isGiftCardLine(line) ? { ...line, quantity } : line,
            ),
      lastLineId: quantity <= 0 && state.lastLineId === lineId ? null : state.lastLineId,
    })),
  removeLine: (lineId) =>
    set((state) => {
      const index = state.lines.findIndex((line) => line.lineId === lineId);
      const lines = state.lines.filter((line) => line.lineId !== lineId);
      // The next line (or the one before) becomes the selected one, so Del can go on.
      const next = lines[Math.min(index, lines.length - 1)]?.lineId ?? null;
      return { lines, lastLineId: state.lastLineId === lineId ? next : state.lastLineId };
    }),
  selectLine: (lineId) => set({ lastLineId: lineId }),
  // A gift card line is its value and nothing else (src/stored-value/gift-card-line.ts).
  setLineDiscount: (lineId, discount) =>
    set((state) => ({
      lines: mapLine(state.lines, lineId, (line) => {
        if (isGiftCardLine(line)) return line;
        const { discount: _old, ...rest } = line;
        return discount ? { ...rest, discount } : rest;
      }),
    })),
  setOverride: (lineId, override) =>
    set((state) => ({
      lines: mapLine(state.lines, lineId, (line) => {
        if (isGiftCardLine(line)) return line;
        const { override: _old, ...rest } = line;
        return override ? { ...rest, override } : rest;
      }),
    })),
  setOrderDiscount: (orderDiscount) => set({ orderDiscount }),
  setCustomer: (customerId) => set({ customerId }),
  addTender: (tender) => set((state) => ({ tenders: [...state.tenders, tender] })),
  removeTender: (tenderId) =>
    set((state) => ({ tenders: state.tenders.filter((tender) => tender.tenderId !== tenderId) })),
  setPaying: (paying) => set({ paying }),
  setNotice: (notice) => set({ notice }),
  restore: (cart, customerId) =>
    set({
      ...EMPTY,
      saleId: newId('sale'),
      startedAt: new Date().toISOString(),
      lines: cart.lines,
      orderDiscount: cart.orderDiscount ?? null,
      customerId,
      tenders: [],
      lastLineId: cart.lines[cart.lines.length - 1]?.lineId ?? null,
    }),
  reserveSaleId: (saleId) => {
    let reserved = false;
    set((state) => {
      if (state.lines.length > 0 || state.tenders.length > 0) return {};
      reserved = true;
      return { saleId, startedAt: null };
    });
    return reserved;
  },
  resume: (open) =>
    set({
      ...EMPTY,
      ...openCartOf(open),
      lastLineId: open.lines[open.lines.length - 1]?.lineId ?? null,
    }),
  clear: () => set({ ...EMPTY, lines: [], tenders: [] }),
}));

/** The cart as priceCart takes it. */
export function cartInput(state: Pick<CartState, 'lines' | 'orderDiscount'>): CartInput {
  return state.orderDiscount
    ? { lines: state.lines, orderDiscount: state.orderDiscount }
    : { lines: state.lines };
}
