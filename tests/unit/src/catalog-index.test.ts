import { describe, expect, it } from 'vitest';
import type { ProductDoc } from '../../../src/documents';
import { minor } from '../../../src/money';
import { CatalogIndex, gtinKey, normalizeSearchText, productSearchText } from '../../../src/search';

function product(
  sku: string,
  vi: string,
  en: string,
  barcodes: string[],
  extra: Partial<ProductDoc> = {},
): ProductDoc {
  return {
    id: `prod_${sku}`,
    sku,
    barcodes,
    name: { vi, en },
    searchText: productSearchText({ vi, en }, sku),
    categoryId: 'drinks',
    pricing: 'unit',
    unitPrice: minor(25000),
    currency: 'VND',
    taxRateId: 'vat8',
    active: true,
    updatedAt: '2026-11-23T00:00:00.000Z',
    ...extra,
  };
}

const coffee = product('SKU1', 'Cà phê sữa đá', 'Iced milk coffee', ['8930000000019']);
const tea = product('SKU2', 'Trà đào cam sả', 'Peach tea', ['012345678905']);
const mango = product('SKU3', 'Xoài cát Hòa Lộc', 'Cat mango', [], {
  pricing: 'weight',
  plu: '10001',
});
const retired = product('SKU4', 'Cà phê cũ', 'Old coffee', ['8930000000026'], { active: false });

describe('search ignores Vietnamese diacritics and case', () => {
  it('normalises đ, tone marks and punctuation', () => {
    expect(normalizeSearchText('Cà Phê SỮA, đá!')).toBe('ca phe sua da');
  });

  it('finds "Cà phê sữa đá" from "ca phe sua"', () => {
    const index = new CatalogIndex([coffee, tea, mango, retired]);
    expect(index.search('ca phe sua').map((p) => p.sku)).toEqual(['SKU1']);
  });

  it('matches word starts only, in any order, and leaves inactive products out', () => {
    const index = new CatalogIndex([coffee, tea, mango, retired]);
    expect(index.search('sua ca').map((p) => p.sku)).toEqual(['SKU1']);
    expect(index.search('ua')).toEqual([]);
    expect(index.search('phe').map((p) => p.sku)).toEqual(['SKU1']);
  });

  it('puts an exact SKU match first', () => {
    const index = new CatalogIndex([coffee, tea]);
    expect(index.search('sku2')[0]?.sku).toBe('SKU2');
  });
});

describe('scan lookups', () => {
  it('treats UPC-A and its EAN-13 form as one GTIN', () => {
    const index = new CatalogIndex([tea]);
    expect(gtinKey('012345678905')).toBe('00012345678905');
    expect(index.byBarcode('0012345678905')?.sku).toBe('SKU2');
  });

  it('finds weighed items by PLU and forgets replaced barcodes', () => {
    const index = new CatalogIndex([coffee, mango]);
    expect(index.byPlu('10001')?.sku).toBe('SKU3');
    index.upsert({ ...coffee, barcodes: ['8930000000033'] });
    expect(index.byBarcode('8930000000019')).toBeUndefined();
    expect(index.byBarcode('8930000000033')?.sku).toBe('SKU1');
    index.remove(coffee.id);
    expect(index.size).toBe(1);
  });
});

describe('replace', () => {
  it('holds exactly the products given: one it held and is not given is gone by every key', () => {
    const index = new CatalogIndex([coffee, tea, mango]);
    const repriced = { ...tea, unitPrice: minor(30000) };
    index.replace([repriced, mango]);
    expect(index.size).toBe(2);
    expect(index.get(coffee.id)).toBeUndefined();
    expect(index.byBarcode('8930000000019')).toBeUndefined();
    expect(index.bySku('SKU1')).toBeUndefined();
    expect(index.search('ca phe')).toEqual([]);
    expect(index.byBarcode('012345678905')?.unitPrice).toBe(minor(30000));
    expect(index.byPlu('10001')?.id).toBe(mango.id);
  });
});
