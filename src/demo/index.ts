export * from './demo-activity';
export * from './demo-data';
export * from './demo-programs';
export * from './random';
export * from './demo-tax';
