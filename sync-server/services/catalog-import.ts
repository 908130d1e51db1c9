import { detectGtin } from '../../src/barcodes';
import type { ProductDoc } from '../../src/documents';
import type { AmountProblem, CurrencyCode, Minor } from '../../src/money';
import { CURRENCIES, parseTypedAmount } from '../../src/money';
import { productSearchText } from '../../src/search';

/** A row of a catalog file, CSV columns or JSON keys (see docs/API.md, import-catalog). */
export type CatalogRow = Record<string, unknown>;

export interface RejectedRow {
  /** 1-based: the data row number (the CSV header is not counted). */
  row: number;
  sku?: string;
  reason: string;
}

export interface CatalogParse {
  products: ProductDoc[];
  rejected: RejectedRow[];
}

const SKU = /^[0-9A-Za-z_.-]{1,64}$/;

/** RFC 4180 CSV: quoted fields, doubled quotes, commas and newlines inside quotes. */
export function parseCsv(text: string): CatalogRow[] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const source = text.replace(/^\uFEFF/, '');
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (quoted) {
      if (char === '"' && source[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[index + 1] === '\n') index++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const [header, ...rows] = records.filter((row) => row.some((cell) => cell.trim() !== ''));
  if (!header) return [];
  const keys = header.map((name) => name.trim().toLowerCase());
  return rows.map((row) => Object.fromEntries(keys.map((key, column) => [key, row[column] ?? ''])));
}

function text(row: CatalogRow, ...keys: string[]): string {
  for (const key of keys) {
    const value = row[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
    if (typeof value === 'number') return String(value);
  }
  return '';
}

function flag(row: CatalogRow, key: string): boolean | undefined {
  const value = row[key];
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string' || !value.trim()) return undefined;
  return ['1', 'true', 'yes', 'y', 'x'].includes(value.trim().toLowerCase());
}

const PRICE_PROBLEMS: Record<AmountProblem, string> = {
  empty: 'missing price',
  'not-an-amount': 'is not a price: write it in digits, e.g. 25000 or 12.50',
  'too-many-decimals': 'has more decimals than the currency allows',
  negative: 'is negative: a price is 0 or more',
  'too-large': 'is too large',
};

/** A price as written in the file ("25000", "25.000", "12.50"), read as every till reads one. */
function parsePrice(raw: string, currency: CurrencyCode): Minor | string {
  const parsed = parseTypedAmount(raw, currency);
  if (parsed.ok) return parsed.amount;
  return parsed.problem === 'empty'
    ? PRICE_PROBLEMS.empty
    : `price "${raw}" ${PRICE_PROBLEMS[parsed.problem]} (${currency})`;
}

/**
 * Turns catalog rows into ProductDocs, refusing (with the reason) each row that would put bad
 * data on every register: no SKU, a duplicate SKU or barcode, a barcode whose check digit is
 * wrong, no price, no name.
 */
export function buildCatalog(rows: readonly CatalogRow[], now: string): CatalogParse {
  const products: ProductDoc[] = [];
  const rejected: RejectedRow[] = [];
  const skus = new Set<string>();
  const barcodeOwners = new Map<string, string>();
  rows.forEach((row, index) => {
    const rowNumber = index + 1;
    const sku = text(row, 'sku');
    const reject = (reason: string): void => {
      rejected.push({ row: rowNumber, ...(sku ? { sku } : {}), reason });
    };
    if (!sku) return reject('missing sku');
    if (!SKU.test(sku))
      return reject(`sku "${sku}" may only hold letters, digits, "_", "." and "-"`);
    if (skus.has(sku)) return reject(`duplicate sku ${sku} (an earlier row has it)`);
    const name = row.name as { vi?: unknown; en?: unknown } | undefined;
    const vi =
      text(row, 'name_vi', 'namevi', 'vi') || (typeof name?.vi === 'string' ? name.vi.trim() : '');
    const en =
      text(row, 'name_en', 'nameen', 'en') || (typeof name?.en === 'string' ? name.en.trim() : '');
    if (!vi && !en) return reject('missing name (name_vi and/or name_en)');
    const currency = (text(row, 'currency') || 'VND').toUpperCase();
    if (!(currency in CURRENCIES)) return reject(`unknown currency ${currency}`);
    const rawPrice = text(row, 'price', 'unitprice', 'unit_price');
    const price = parsePrice(rawPrice, currency as CurrencyCode);
    if (typeof price === 'string') return reject(price);
    const rawBarcodes = Array.isArray(row.barcodes)
      ? row.barcodes.map(String)
      : text(row, 'barcodes', 'barcode').split(/[|;\s]+/);
    const barcodes = rawBarcodes.map((code) => code.trim()).filter(Boolean);
    for (const code of barcodes) {
      const check = detectGtin(code);
      if (!check.ok) return reject(`bad barcode: ${check.message}`);
      const owner = barcodeOwners.get(code);
      if (owner) return reject(`barcode ${code} already belongs to ${owner}`);
    }
    const pricing = (text(row, 'pricing') || 'unit').toLowerCase();
    if (pricing !== 'unit' && pricing !== 'weight')
      return reject(`pricing must be unit or weight, not "${pricing}"`);
    const quickKey = text(row, 'quick_key', 'quickkey');
    const product: ProductDoc = {
      id: `prod_${sku}`,
      sku,
      barcodes,
      name: { vi: vi || en, en: en || vi },
      searchText: productSearchText({ vi: vi || en, en: en || vi }, sku),
      categoryId: text(row, 'category', 'categoryid', 'category_id') || 'uncategorised',
      pricing,
      unitPrice: price,
      currency: currency as CurrencyCode,
      taxRateId: text(row, 'tax_rate', 'taxrateid', 'tax_rate_id', 'tax') || 'standard',
      active: flag(row, 'active') ?? true,
      updatedAt: now,
    };
    const plu = text(row, 'plu');
    if (plu) product.plu = plu;
    if (flag(row, 'final_sale') ?? flag(row, 'finalsale')) product.finalSale = true;
    if (quickKey) {
      const key = Number(quickKey);
      if (!Number.isInteger(key) || key < 0 || key > 1000)
        return reject(`quick_key "${quickKey}" must be 0-1000`);
      product.quickKey = key;
    }
    skus.add(sku);
    for (const code of barcodes) barcodeOwners.set(code, sku);
    products.push(product);
  });
  return { products, rejected };
}
