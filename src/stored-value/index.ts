export * from './stored-value-balance';
export * from './stored-value-facts';
export * from './stored-value-views';
export * from './gift-card-line';
export * from './gift-card-sales';
