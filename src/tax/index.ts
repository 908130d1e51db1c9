export * from './amount-tax';
export * from './document-tax';
export * from './tax-error';
export * from './tax-labels';
export * from './tax-schedule';
