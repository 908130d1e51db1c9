/**
 * Search ignores Vietnamese diacritics and case: "ca phe sua" finds "Cà phê sữa". Both the
 * catalog (product.searchText, built once at import) and the query go through this function.
 */
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The searchText stored on a product: both names and the SKU, normalised. */
export function productSearchText(name: { vi: string; en: string }, sku: string): string {
  return normalizeSearchText(`${name.vi} ${name.en} ${sku}`);
}
