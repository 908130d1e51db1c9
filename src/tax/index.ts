export * from './amount-tax';
export * from './document-tax';
export type { TaxBreakdownEntry } from '../documents/parts/cart';
export * from './tax-error';
export * from './tax-labels';
export * from './tax-schedule';
