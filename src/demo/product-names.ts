/**
 * Names for the generated demo products: each kind in the sizes it is really sold in and with its
 * own variants (catalog-variants.ts), and no two products named alike in either language, so a
 * cashier never sees two "Trà xanh Mê Kông 330ml" at different prices.
 */
import { BRANDS } from './catalog-words';
import type { ProductKind } from './catalog-words';
import { KIND_WORDS } from './catalog-variants';
import type { WordPair } from './catalog-variants';

export interface ProductName {
  vi: string;
  en: string;
}

/** The words of a kind; a kind missing from the table is a mistake in the demo's word lists. */
export function kindWords(kind: ProductKind): {
  sizes: readonly WordPair[];
  variants: readonly WordPair[];
} {
  const words = KIND_WORDS[kind.en];
  if (!words) throw new Error(`The demo catalog has no sizes or variants for "${kind.en}".`);
  return words;
}

function join(...parts: string[]): string {
  return parts.filter((part) => part !== '').join(' ');
}

function nameOf(kind: ProductKind, brand: string, variant: WordPair | null, size: WordPair | null) {
  return {
    vi: join(kind.vi, variant?.[0] ?? '', brand, size?.[0] ?? ''),
    en: join(brand, variant?.[1] ?? '', kind.en.toLowerCase(), size?.[1] ?? ''),
  };
}

/** Indexes from `start` outwards: 2, 1, 3, 0, 4 … for start 2 of 5. */
function outwards(start: number, count: number): number[] {
  const order: number[] = [];
  for (let step = 0; order.length < count; step++) {
    if (start - step >= 0 && step > 0) order.push(start - step);
    if (start + step < count) order.push(start + step);
  }
  return order;
}

/** Hands out distinct names (compared without case, in each language separately). */
export class ProductNamer {
  private readonly vi = new Set<string>();
  private readonly en = new Set<string>();

  private free(name: ProductName): boolean {
    return !this.vi.has(name.vi.toLowerCase()) && !this.en.has(name.en.toLowerCase());
  }

  reserve(name: ProductName): void {
    this.vi.add(name.vi.toLowerCase());
    this.en.add(name.en.toLowerCase());
  }

  /**
   * A free name for a product of `kind` at `price`: the brand drawn for it and the size its price
   * suggests (cheaper is smaller), plain or in a variant; when those are taken, another brand,
   * then another size. Past every combination (only catalogs far larger than the demo's), a
   * numbered style.
   */
  name(kind: ProductKind, brandIndex: number, price: number): ProductName {
    const { sizes, variants } = kindWords(kind);
    const span = kind.maxPrice - kind.minPrice + 1;
    const preferred = Math.min(
      sizes.length - 1,
      Math.floor(((price - kind.minPrice) / span) * sizes.length),
    );
    const sizeOrder = sizes.length === 0 ? [null] : outwards(Math.max(0, preferred), sizes.length);
    const variantOrder: (WordPair | null)[] = [null, ...variants];
    for (const sizeIndex of sizeOrder) {
      const size = sizeIndex === null ? null : (sizes[sizeIndex] ?? null);
      for (let offset = 0; offset < BRANDS.length; offset++) {
        const brand = BRANDS[(brandIndex + offset) % BRANDS.length] ?? '';
        for (const variant of variantOrder) {
          const name = nameOf(kind, brand, variant, size);
          if (this.free(name)) {
            this.reserve(name);
            return name;
          }
        }
      }
    }
    const base = nameOf(
      kind,
      BRANDS[brandIndex] ?? '',
      null,
      sizes[Math.max(0, preferred)] ?? null,
    );
    for (let style = 2; ; style++) {
      const name = { vi: `${base.vi} mẫu ${style}`, en: `${base.en} style ${style}` };
      if (this.free(name)) {
        this.reserve(name);
        return name;
      }
    }
  }
}
