/**
 * Search over the catalog kept as one string (src/search/search-corpus.ts) answers exactly as
 * testing every product in catalog order did: the same products, in the same order, through
 * additions, changes and removals past the points where the string is rebuilt and the entries
 * compacted, and with a search text that holds the string's own separator.
 */
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../src/demo/random';
import type { ProductDoc } from '../../../src/documents';
import { minor } from '../../../src/money';
import { CatalogIndex, normalizeSearchText } from '../../../src/search';
import { SearchCorpus } from '../../../src/search/search-corpus';

const WORDS = ['ca', 'phe', 'sua', 'da', 'hai', 'dang', 'an', 'khang', 'h', 'hoa', 'loc', 'tra'];

function product(id: number, text: string, active = true): ProductDoc {
  return {
    id: `prod_${id}`,
    sku: `SKU${id}`,
    barcodes: [],
    name: { vi: text, en: text },
    searchText: text,
    categoryId: 'drinks',
    pricing: 'unit',
    unitPrice: minor(1000),
    currency: 'VND',
    taxRateId: 'vat8',
    active,
    updatedAt: '2026-12-04T00:00:00.000Z',
  };
}

/** The search as it was: every product tested in catalog order (a Map's insertion order). */
function reference(
  catalog: Map<string, ProductDoc>,
  index: CatalogIndex,
  query: string,
  limit: number,
): string[] {
  const normalized = normalizeSearchText(query);
  if (!normalized) return [];
  const words = normalized.split(' ');
  const exact = index.bySku(query.trim()) ?? index.byBarcode(query.trim());
  const starts: ProductDoc[] = [];
  const others: ProductDoc[] = [];
  for (const item of catalog.values()) {
    if (!item.active || item === exact) continue;
    const text = ` ${item.searchText}`;
    if (!words.every((word) => text.includes(` ${word}`))) continue;
    if (item.searchText.startsWith(normalized)) starts.push(item);
    else others.push(item);
    if (starts.length >= limit) break;
  }
  return [...(exact?.active ? [exact] : []), ...starts, ...others]
    .slice(0, limit)
    .map((item) => item.id);
}

function randomText(random: SeededRandom): string {
  return Array.from(
    { length: random.int(1, 5) },
    () => WORDS[random.int(0, WORDS.length - 1)] ?? 'ca',
  ).join(' ');
}

function randomQuery(random: SeededRandom): string {
  const text = randomText(random);
  return text.slice(0, random.int(1, text.length));
}

describe('search over the catalog as one string', () => {
  it('answers as testing every product did, through changes, rebuilds and compaction', () => {
    const random = new SeededRandom(19);
    const index = new CatalogIndex();
    const catalog = new Map<string, ProductDoc>();
    const put = (item: ProductDoc) => {
      catalog.delete(item.id);
      catalog.set(item.id, item);
      index.upsert(item);
    };
    for (let id = 0; id < 3_000; id++) put(product(id, randomText(random), random.next() > 0.1));
    let compared = 0;
    // 6,000 changes: more than the loose entries tested one by one (2,000) before the string is
    // rebuilt, and removals past the point where the entries are compacted.
    for (let round = 0; round < 60; round++) {
      for (let change = 0; change < 100; change++) {
        const id = random.int(0, 3_999);
        if (random.next() < 0.35) {
          catalog.delete(`prod_${id}`);
          index.remove(`prod_${id}`);
        } else {
          put(product(id, randomText(random), random.next() > 0.1));
        }
      }
      for (let query = 0; query < 10; query++) {
        const typed = randomQuery(random);
        const limit = random.int(1, 40);
        expect(
          index.search(typed, limit).map((item) => item.id),
          typed,
        ).toEqual(reference(catalog, index, typed, limit));
        compared += 1;
      }
    }
    expect(compared).toBe(600);
    // The SKU typed exactly still comes first.
    const [first] = catalog.values();
    if (first?.active) expect(index.search(first.sku, 5)[0]?.id).toBe(first.id);
  });

  it('finds the words of a text that holds a line break, and only its own', () => {
    const corpus = new SearchCorpus<string>();
    corpus.add('a', 'tra da', 'a');
    // A product document pushed with a line break in its search text.
    corpus.add('b', 'ca\n hai', 'b');
    corpus.add('c', 'hai dang', 'c');
    const found = (words: string[]) => {
      const items: string[] = [];
      corpus.forEachMatch(words, (item) => items.push(item) > 0);
      return items;
    };
    const starting = (prefix: string) => {
      const items: string[] = [];
      corpus.forEachStartingWith(prefix, (item) => items.push(item) > 0);
      return items;
    };
    expect(found(['hai'])).toEqual(['b', 'c']);
    expect(found(['da'])).toEqual(['a', 'c']);
    expect(starting('hai')).toEqual(['c']);
    expect(starting('ca')).toEqual(['b']);
    corpus.delete('b');
    expect(found(['hai'])).toEqual(['c']);
    corpus.add('b', 'hai', 'b2');
    expect(found(['hai'])).toEqual(['c', 'b2']);
    expect(starting('hai')).toEqual(['c', 'b2']);
  });
});
