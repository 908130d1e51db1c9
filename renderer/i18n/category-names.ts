/**
 * Names of the catalog's product categories, which documents carry as keys (`drinks`). The
 * catalog has no category documents yet, so the names live here, in both languages; a key
 * without a name is shown as it is (it is the store's data, not a word of the UI).
 */
import type { Locale } from '../../src/money';

const CATEGORY_NAMES: Readonly<Record<string, { vi: string; en: string }>> = {
  drinks: { vi: 'Đồ uống', en: 'Drinks' },
  coffee: { vi: 'Cà phê', en: 'Coffee' },
  dairy: { vi: 'Sữa và chế phẩm', en: 'Dairy' },
  bakery: { vi: 'Bánh mì, bánh ngọt', en: 'Bakery' },
  snacks: { vi: 'Bánh kẹo, ăn vặt', en: 'Snacks' },
  pantry: { vi: 'Thực phẩm khô', en: 'Pantry' },
  'personal-care': { vi: 'Chăm sóc cá nhân', en: 'Personal care' },
  household: { vi: 'Đồ gia dụng', en: 'Household' },
  apparel: { vi: 'Quần áo', en: 'Apparel' },
  stationery: { vi: 'Văn phòng phẩm', en: 'Stationery' },
  produce: { vi: 'Rau củ quả', en: 'Fresh produce' },
  meat: { vi: 'Thịt', en: 'Meat' },
  seafood: { vi: 'Hải sản', en: 'Seafood' },
};

export function categoryName(categoryId: string, locale: Locale): string {
  const names = CATEGORY_NAMES[categoryId];
  if (!names) return categoryId;
  return locale === 'vi-VN' ? names.vi : names.en;
}

/** Every category key with a name, for the test that the demo catalog's keys all have one. */
export const NAMED_CATEGORIES: readonly string[] = Object.keys(CATEGORY_NAMES);
