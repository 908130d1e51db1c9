export * from './customer-identity';
