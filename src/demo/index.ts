export * from './demo-activity';
export * from './demo-history';
export * from './demo-stock';
export * from './demo-data';
export * from './demo-programs';
export * from './random';
export * from './demo-tax';
