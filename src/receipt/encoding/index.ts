export * from './cp1258-encoding';
export * from './encoded-text';
export * from './tcvn3-encoding';
export * from './vietnamese-encoding';
