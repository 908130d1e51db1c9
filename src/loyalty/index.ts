export * from './loyalty-entries';
export * from './loyalty-expiry';
export * from './loyalty-ledger';
export * from './loyalty-offline';
export * from './loyalty-overdrafts';
export * from './loyalty-program';
export * from './loyalty-settings';
export * from './loyalty-entry-rules';
