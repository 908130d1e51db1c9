export * from './low-stock';
export * from './stock-count';
export * from './stock-levels';
export * from './stock-transfers';
export * from '../documents/parts/stock-settings';
export * from './stock-settings';
export * from './stock-derivation';
export * from './stock-quantity';
