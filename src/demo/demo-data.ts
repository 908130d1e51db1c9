/**
 * The demo store a newcomer rings up sales in right after `npm start`, and the seed of the
 * benchmarks. Deterministic for a given seed: the README can name its barcodes and PINs.
 */
import { DEFAULT_BARCODE_LAYOUTS, makeEan13 } from '../barcodes';
import type { CustomerDoc } from '../documents/customer';
import type { LoyaltyEntryDoc } from '../documents/loyalty-entry';
import type { PickupDoc } from '../documents/pickup';
import type { SaleDoc } from '../documents/sale';
import type { StockMoveDoc } from '../documents/stock-move';
import type { WebOrderDoc } from '../documents/web-order';
import type { ProductDoc } from '../documents/product';
import type { StaffDoc } from '../documents/staff';
import type { StoreSettingsDoc } from '../documents/store-settings';
import { minor } from '../money';
import { productSearchText } from '../search';
import { BRANDS, PRODUCT_KINDS } from './catalog-words';
import { ProductNamer } from './product-names';
import { FAMILY_NAMES, GIVEN_NAMES, MIDDLE_NAMES } from './person-names';
import { generateDemoWebOrders } from './demo-activity';
import { generateDemoHistory } from './demo-history';
import { generateDemoStock } from './demo-stock';
import { newStoreSettings } from './store-defaults';
import { DEMO_OTHER_STORE_ID, DEMO_STORE_ID } from './demo-ids';
import { DEMO_LOYALTY, DEMO_PROMOTIONS, DEMO_RETURN_POLICY } from './demo-programs';
import { SeededRandom } from './random';

export { DEMO_OTHER_STORE_ID, DEMO_STORE_ID };

/** A staff member as the seed knows them: with the plain PIN, hashed by whoever writes it. */
export type DemoStaff = Omit<StaffDoc, 'pin'> & { pin: string };

export interface DemoOptions {
  /** ISO time stamped on every document. */
  now: string;
  seed?: number;
  productCount?: number;
  customerCount?: number;
}

export interface DemoData {
  stores: StoreSettingsDoc[];
  staff: DemoStaff[];
  products: ProductDoc[];
  customers: CustomerDoc[];
  /** Points the demo customers earned before today: one earn entry per past sale or order. */
  loyaltyEntries: LoyaltyEntryDoc[];
  /** Web orders waiting at the stores. */
  webOrders: WebOrderDoc[];
  /** Past till sales of the loyalty customers in both stores (demo-history.ts). */
  sales: SaleDoc[];
  /** Past web, social and customer-care orders, collected (with their pickups). */
  pastOrders: WebOrderDoc[];
  pickups: PickupDoc[];
  /** Opening stock of both stores, then what the past sales and pickups took out. */
  stock: StockMoveDoc[];
}

/** Products the README and the end-to-end tests name; the rest are generated. */
const HERO_PRODUCTS = [
  {
    vi: 'Cà phê sữa đá Sài Gòn Xanh 250ml',
    en: 'Saigon Xanh iced milk coffee 250ml',
    categoryId: 'drinks',
    price: 25000,
    taxRateId: 'vat8',
    weighed: false,
  },
  {
    vi: 'Bánh mì sandwich Hương Việt',
    en: 'Huong Viet sandwich bread',
    categoryId: 'bakery',
    price: 22000,
    taxRateId: 'vat8',
    weighed: false,
  },
  {
    vi: 'Nước khoáng An Khang 500ml',
    en: 'An Khang mineral water 500ml',
    categoryId: 'drinks',
    price: 6000,
    taxRateId: 'vat8',
    weighed: false,
  },
  {
    vi: 'Sữa tươi tiệt trùng Đà Lạt Farm 1 lít',
    en: 'Da Lat Farm UHT fresh milk 1 litre',
    categoryId: 'dairy',
    price: 36500,
    taxRateId: 'vat5',
    weighed: false,
  },
  {
    vi: 'Xoài cát Hòa Lộc',
    en: 'Hoa Loc cat mango',
    categoryId: 'produce',
    price: 65000,
    taxRateId: 'vat0',
    weighed: true,
  },
  {
    vi: 'Thịt ba chỉ',
    en: 'Pork belly',
    categoryId: 'meat',
    price: 180000,
    taxRateId: 'vat5',
    weighed: true,
  },
] as const;

export function demoStoreSettings(
  storeId: string,
  name: string,
  address: string,
  now: string,
): StoreSettingsDoc {
  return {
    ...newStoreSettings(
      {
        storeId,
        name,
        address,
        receipt: {
          header: [name, address, 'MST: 0312345678'],
          footer: ['Cảm ơn quý khách! Hẹn gặp lại.', 'Đổi trả trong 30 ngày kèm hóa đơn.'],
        },
      },
      now,
    ),
    barcodeLayouts: {
      ...DEFAULT_BARCODE_LAYOUTS,
      variableMeasure: [...DEFAULT_BARCODE_LAYOUTS.variableMeasure],
      loyaltyCards: [{ pattern: 'LC\\d{8}', label: 'Thẻ thành viên Omnitill' }],
      staffBadges: [{ pattern: 'STAFF-[A-Z]+', label: 'Thẻ nhân viên' }],
    },
    loyalty: DEMO_LOYALTY,
    returnPolicy: DEMO_RETURN_POLICY,
    promotions: DEMO_PROMOTIONS,
  };
}

function demoStaff(now: string): DemoStaff[] {
  const staff = (
    id: string,
    name: string,
    role: StaffDoc['role'],
    storeIds: string[],
    pin: string,
  ): DemoStaff => ({
    id: `staff_${id}`,
    name,
    role,
    storeIds,
    pin,
    badge: `STAFF-${id.toUpperCase()}`,
    active: true,
    updatedAt: now,
  });
  return [
    staff('lan', 'Nguyễn Thị Lan', 'cashier', [DEMO_STORE_ID], '1111'),
    staff('minh', 'Trần Văn Minh', 'supervisor', [DEMO_STORE_ID], '2222'),
    staff('ha', 'Lê Thu Hà', 'manager', ['*'], '9999'),
    staff('tuan', 'Phạm Anh Tuấn', 'cashier', [DEMO_OTHER_STORE_ID], '3333'),
  ];
}

function roundPrice(price: number): number {
  return Math.round(price / 500) * 500;
}

function product(
  index: number,
  name: { vi: string; en: string },
  fields: { categoryId: string; price: number; taxRateId: string; weighed: boolean; plu?: string },
  now: string,
): ProductDoc {
  const sku = `SKU${String(index).padStart(6, '0')}`;
  const doc: ProductDoc = {
    id: `prod_${sku}`,
    sku,
    // 893 is Vietnam's GS1 prefix; weighed items are found by PLU in in-store labels instead.
    barcodes: fields.weighed ? [] : [makeEan13(`893${String(index).padStart(9, '0')}`)],
    name,
    searchText: productSearchText(name, sku),
    categoryId: fields.categoryId,
    pricing: fields.weighed ? 'weight' : 'unit',
    unitPrice: minor(fields.price),
    currency: 'VND',
    taxRateId: fields.taxRateId,
    active: true,
    updatedAt: now,
  };
  if (fields.plu) doc.plu = fields.plu;
  return doc;
}

export function generateDemoProducts(count: number, seed: number, now: string): ProductDoc[] {
  const random = new SeededRandom(seed);
  const products: ProductDoc[] = [];
  const names = new ProductNamer();
  for (const hero of HERO_PRODUCTS) names.reserve(hero);
  let nextPlu = 10001;
  HERO_PRODUCTS.forEach((hero, heroIndex) => {
    if (products.length >= count) return;
    const doc = product(
      heroIndex + 1,
      { vi: hero.vi, en: hero.en },
      { ...hero, ...(hero.weighed ? { plu: String(nextPlu++) } : {}) },
      now,
    );
    doc.quickKey = heroIndex + 1;
    products.push(doc);
  });
  for (let index = products.length + 1; index <= count; index++) {
    const kind = random.pick(PRODUCT_KINDS);
    const brandIndex = Math.floor(random.next() * BRANDS.length);
    const weighed = kind.weighed === true && nextPlu <= 99999;
    // A draw once used for the size: kept so every product's kind and price stay as they were
    // (tests and docs name them); the size now follows from the kind and the price.
    if (!weighed) random.next();
    const price = roundPrice(random.int(kind.minPrice, kind.maxPrice));
    const name = names.name(kind, brandIndex, price);
    products.push(
      product(
        index,
        name,
        {
          categoryId: kind.categoryId,
          price,
          taxRateId: kind.taxRateId,
          weighed,
          ...(weighed ? { plu: String(nextPlu++) } : {}),
        },
        now,
      ),
    );
  }
  return products;
}

export function generateDemoCustomers(count: number, seed: number, now: string): CustomerDoc[] {
  const random = new SeededRandom(seed ^ 0x5eed);
  const customers: CustomerDoc[] = [];
  for (let index = 1; index <= count; index++) {
    const name = `${random.pick(FAMILY_NAMES)} ${random.pick(MIDDLE_NAMES)} ${random.pick(GIVEN_NAMES)}`;
    const number = String(index).padStart(7, '0');
    const customer: CustomerDoc = {
      id: `cust_demo${number}`,
      name,
      phone: `+8490${number}`,
      loyaltyCardNumber: `LC${String(index).padStart(8, '0')}`,
      origin: index % 3 === 0 ? { channel: 'web' } : { channel: 'store', storeId: DEMO_STORE_ID },
      createdAt: now,
      updatedAt: now,
    };
    if (index % 2 === 0) customer.email = `khach${index}@example.vn`;
    customers.push(customer);
  }
  return customers;
}

export function generateDemoData(options: DemoOptions): DemoData {
  const seed = options.seed ?? 20261123;
  const now = options.now;
  const products = generateDemoProducts(options.productCount ?? 3000, seed, now);
  const customers = generateDemoCustomers(options.customerCount ?? 200, seed, now);
  const stores = [
    demoStoreSettings(DEMO_STORE_ID, 'Omnitill Quận 1', '12 Lê Lợi, Quận 1, TP. Hồ Chí Minh', now),
    demoStoreSettings(
      DEMO_OTHER_STORE_ID,
      'Omnitill Hoàn Kiếm',
      '8 Hàng Bài, Hoàn Kiếm, Hà Nội',
      now,
    ),
  ];
  const history = generateDemoHistory(customers, products, stores, now, seed);
  return {
    stores,
    staff: demoStaff(now),
    products,
    customers,
    loyaltyEntries: history.loyaltyEntries,
    webOrders: generateDemoWebOrders(customers, products, now),
    sales: history.sales,
    pastOrders: history.orders,
    pickups: history.pickups,
    stock: [
      ...generateDemoStock(
        products,
        stores.map((store) => store.storeId),
        seed,
        now,
        history.stockMoves,
      ),
      ...history.stockMoves,
    ],
  };
}
