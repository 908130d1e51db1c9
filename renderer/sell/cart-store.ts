/**
 * The open sale's lines as the cashier builds them. Prices are never computed here: the priced
 * view comes from src/pricing (priceCart), the one module that owns prices.
 */
import { create } from 'zustand';
import type { ProductDoc } from '../../src/documents';
import type { Minor } from '../../src/money';
import { timeOrderedId } from '../../src/ids';
import type { CartLineInput, ManualDiscount } from '../../src/pricing';

export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

export interface CartState {
  lines: CartLineInput[];
  orderDiscount: ManualDiscount | null;
  notice: Notice | null;
  /** The line the cashier touched last, highlighted and shown on the customer display. */
  lastLineId: string | null;
  /** `labelPrice`: an in-store price label (prefix 22) fixes the amount of this one item. */
  addProduct: (
    product: ProductDoc,
    options?: { quantity?: number; grams?: number; labelPrice?: Minor },
  ) => void;
  setQuantity: (lineId: string, quantity: number) => void;
  removeLine: (lineId: string) => void;
  setNotice: (notice: Notice | null) => void;
  clear: () => void;
}

function newLineId(): string {
  return timeOrderedId('line', Date.now(), (length) =>
    crypto.getRandomValues(new Uint8Array(length)),
  );
}

function lineFor(product: ProductDoc, quantity: number, grams: number | undefined): CartLineInput {
  const line: CartLineInput = {
    lineId: newLineId(),
    productId: product.id,
    sku: product.sku,
    name: product.name.vi,
    categoryId: product.categoryId,
    pricing: product.pricing,
    unitPrice: product.unitPrice,
    quantity,
    taxRateId: product.taxRateId,
  };
  if (grams !== undefined) line.grams = grams;
  if (product.finalSale) line.finalSale = true;
  return line;
}

export const useCartStore = create<CartState>()((set) => ({
  lines: [],
  orderDiscount: null,
  notice: null,
  lastLineId: null,
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
        return { lines: [...state.lines, labelled], lastLineId: labelled.lineId, notice: null };
      }
      const same = state.lines.find(
        (line) =>
          line.productId === product.id &&
          line.pricing === 'unit' &&
          !line.discount &&
          !line.override,
      );
      if (same && product.pricing === 'unit') {
        return {
          lines: state.lines.map((line) =>
            line === same ? { ...line, quantity: line.quantity + quantity } : line,
          ),
          lastLineId: same.lineId,
          notice: null,
        };
      }
      const line = lineFor(product, quantity, options.grams);
      return { lines: [...state.lines, line], lastLineId: line.lineId, notice: null };
    }),
  setQuantity: (lineId, quantity) =>
    set((state) => ({
      lines:
        quantity <= 0
          ? state.lines.filter((line) => line.lineId !== lineId)
          : state.lines.map((line) => (line.lineId === lineId ? { ...line, quantity } : line)),
    })),
  removeLine: (lineId) =>
    set((state) => ({ lines: state.lines.filter((line) => line.lineId !== lineId) })),
  setNotice: (notice) => set({ notice }),
  clear: () => set({ lines: [], orderDiscount: null, notice: null, lastLineId: null }),
}));
