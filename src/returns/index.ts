export * from './exchange';
export * from './plan-return';
export * from './refundable-quantity';
export * from './return-policy';
export * from './return-source';
export * from './return-window';
