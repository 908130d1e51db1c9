/**
 * The register's in-memory view of the catalog: scan lookups by barcode, PLU or SKU in O(1) and
 * search-as-you-type over every product. RxDB holds the documents durably; this index is rebuilt
 * from them at start and kept current from the collection's change stream.
 */
import type { ProductDoc } from '../documents/product';
import { normalizeSearchText } from './normalize';
import { SearchCorpus } from './search-corpus';

/** GTINs compare as 14 digits: UPC-A 012345678905 and EAN-13 0012345678905 are the same item. */
export function gtinKey(code: string): string {
  return /^\d{8,14}$/.test(code) ? code.padStart(14, '0') : code;
}

export class CatalogIndex {
  private readonly byId = new Map<string, ProductDoc>();
  private readonly barcodes = new Map<string, string>();
  private readonly plus = new Map<string, string>();
  private readonly skus = new Map<string, string>();
  private readonly texts = new SearchCorpus<ProductDoc>();

  constructor(products: Iterable<ProductDoc> = []) {
    for (const product of products) this.upsert(product);
  }

  get size(): number {
    return this.byId.size;
  }

  upsert(product: ProductDoc): void {
    this.remove(product.id);
    this.insert(product);
  }

  /** Many products at once, as at start-up: the same as upsert for each, in order. */
  load(products: Iterable<ProductDoc>): void {
    for (const product of products) {
      if (this.byId.has(product.id)) this.remove(product.id);
      this.insert(product);
    }
  }

  /** Exactly these products: whatever it held that is not among them is gone. */
  replace(products: Iterable<ProductDoc>): void {
    this.byId.clear();
    this.barcodes.clear();
    this.plus.clear();
    this.skus.clear();
    this.texts.clear();
    this.load(products);
  }

  private insert(product: ProductDoc): void {
    this.byId.set(product.id, product);
    for (const code of product.barcodes) this.barcodes.set(gtinKey(code), product.id);
    if (product.plu) this.plus.set(product.plu, product.id);
    this.skus.set(product.sku.toLowerCase(), product.id);
    this.texts.add(product.id, product.searchText, product);
  }

  remove(id: string): void {
    const existing = this.byId.get(id);
    if (!existing) return;
    this.byId.delete(id);
    for (const code of existing.barcodes) this.barcodes.delete(gtinKey(code));
    if (existing.plu) this.plus.delete(existing.plu);
    this.skus.delete(existing.sku.toLowerCase());
    this.texts.delete(id);
  }

  get(id: string): ProductDoc | undefined {
    return this.byId.get(id);
  }

  byBarcode(code: string): ProductDoc | undefined {
    const id = this.barcodes.get(gtinKey(code));
    return id === undefined ? undefined : this.byId.get(id);
  }

  byPlu(plu: string): ProductDoc | undefined {
    const id = this.plus.get(plu) ?? this.plus.get(String(Number(plu)));
    return id === undefined ? undefined : this.byId.get(id);
  }

  bySku(sku: string): ProductDoc | undefined {
    const id = this.skus.get(sku.toLowerCase());
    return id === undefined ? undefined : this.byId.get(id);
  }

  /**
   * Every query word must start a word of the product's search text ("ca phe sua" finds
   * "Cà phê sữa đá"). Exact SKU or barcode matches come first, then names that start with the
   * query, then the rest in catalog order; inactive products are left out.
   */
  search(query: string, limit = 30): ProductDoc[] {
    const normalized = normalizeSearchText(query);
    if (!normalized) return [];
    const words = normalized.split(' ');
    const exact = this.bySku(query.trim()) ?? this.byBarcode(query.trim());
    // Names that start with the query first: found on their own (a rarer string to look for),
    // then as many of the other matches as are needed to fill the list.
    const starts: ProductDoc[] = [];
    this.texts.forEachStartingWith(normalized, (product) => {
      if (product.active && product !== exact) starts.push(product);
      return starts.length < limit;
    });
    const others: ProductDoc[] = [];
    if (starts.length < limit) {
      this.texts.forEachMatch(words, (product, text) => {
        if (product.active && product !== exact && !text.startsWith(normalized)) {
          others.push(product);
        }
        return starts.length + others.length < limit;
      });
    }
    return [...(exact?.active ? [exact] : []), ...starts, ...others].slice(0, limit);
  }

  /** Readies search over the whole catalog now, rather than on the first search after a load. */
  prepareSearch(): void {
    this.texts.prepare();
  }

  quickKeys(): ProductDoc[] {
    return [...this.byId.values()]
      .filter((product) => product.active && product.quickKey !== undefined)
      .sort((a, b) => (a.quickKey ?? 0) - (b.quickKey ?? 0));
  }
}
