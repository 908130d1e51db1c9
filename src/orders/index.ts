export * from './web-order-lifecycle';
export * from './web-order-progress';
export * from './pickup-stock-moves';
