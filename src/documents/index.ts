export * from './customer';
export * from './json-schema';
export * from './product';
export * from './staff';
export * from './store-settings';
