export * from './cart';
export * from './price-cart';
export * from './pricing-context';
export * from './pricing-error';
export * from './promotion';
export * from './verify-sale-totals';
export * from './catalog-line';
export * from './line-amount';
