export * from './amount-tax';
export * from './document-tax';
export * from './tax-error';
