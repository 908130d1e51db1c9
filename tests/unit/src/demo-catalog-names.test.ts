/**
 * The demo catalog reads like a real store's: no two products share a name (in Vietnamese or in
 * English), and each kind of product comes only in its own sizes (no "toothpaste 1 litre").
 */
import { describe, expect, it } from 'vitest';
import { generateDemoProducts } from '../../../src/demo';
import { PRODUCT_KINDS } from '../../../src/demo/catalog-words';
import type { ProductKind } from '../../../src/demo/catalog-words';
import { kindWords } from '../../../src/demo/product-names';

const products = generateDemoProducts(3000, 20261123, '2026-11-23T08:00:00.000Z');
const longestFirst = [...PRODUCT_KINDS].sort((a, b) => b.vi.length - a.vi.length);

function kindOf(viName: string): ProductKind | undefined {
  return longestFirst.find((kind) => viName === kind.vi || viName.startsWith(`${kind.vi} `));
}

/** Every size any kind is sold in, per language; a name ends with at most one of them. */
const allSizes = (language: 0 | 1) =>
  [...new Set(PRODUCT_KINDS.flatMap((kind) => kindWords(kind).sizes.map((size) => size[language])))]
    .filter((size) => size !== '')
    .sort((a, b) => b.length - a.length);

function endingSize(name: string, sizes: readonly string[]): string {
  return sizes.find((size) => name.endsWith(` ${size}`)) ?? '';
}

describe('the demo catalog', () => {
  it('names every product differently, in Vietnamese and in English', () => {
    expect(products).toHaveLength(3000);
    const duplicates = (names: string[]) =>
      names.filter((name, index) => names.indexOf(name) !== index);
    expect(duplicates(products.map((product) => product.name.vi.toLowerCase()))).toEqual([]);
    expect(duplicates(products.map((product) => product.name.en.toLowerCase()))).toEqual([]);
  });

  it('gives each kind of product only the sizes of its own list', () => {
    const sizesVi = allSizes(0);
    const sizesEn = allSizes(1);
    const wrong: string[] = [];
    for (const product of products) {
      const kind = kindOf(product.name.vi);
      if (!kind) {
        wrong.push(`${product.sku} ${product.name.vi}: no kind`);
        continue;
      }
      const own = kindWords(kind).sizes;
      const vi = endingSize(product.name.vi, sizesVi);
      const en = endingSize(product.name.en, sizesEn);
      const fits =
        own.length === 0
          ? vi === '' && en === ''
          : own.some(([sizeVi, sizeEn]) => sizeVi === vi && sizeEn === en);
      if (!fits) wrong.push(`${product.sku} ${product.name.vi} / ${product.name.en}`);
    }
    expect(wrong).toEqual([]);
  });

  it('sells weighed kinds by the kilogram and packaged kinds by the piece', () => {
    for (const product of products) {
      const kind = kindOf(product.name.vi);
      expect(product.pricing, product.name.vi).toBe(kind?.weighed ? 'weight' : 'unit');
    }
  });
});
