export * from './allocate';
export * from './currency';
export * from './format';
export * from './money';
export * from './parse-amount';
