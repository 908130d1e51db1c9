export * from './customer';
export * from './json-schema';
export * from './loyalty-entry';
export * from './pickup';
export * from './product';
export * from './return';
export * from './sale';
export * from './shift';
export * from './staff';
export * from './stock-move';
export * from './store-settings';
export * from './web-order';
// Cash moves are typed beside the shift code that validates them.
export * from '../shifts/cash-move';
export * from './parked-sale';
export * from './audit-entry';
export * from './document-upgrades';
export * from './registry';
