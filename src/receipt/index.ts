export * from './builders';
export * from './encoding';
export type * from './model';
export * from './receipt-layout';
export * from './receipt-number';
export * from './text-cells';
export * from './receipt-screen';
