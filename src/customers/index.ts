export * from './customer-identity';
export * from './customer-history';
