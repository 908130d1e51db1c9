export * from './builders';
export * from './encoding';
export type * from './model';
export * from './receipt-layout';
export * from './text-cells';
