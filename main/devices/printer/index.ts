export * from './escpos-commands';
export * from './escpos-job';
export * from './escpos-printer';
export * from './fake-receipt-printer';
export * from './printer-settings';
export * from './printer-status';
export * from './raster-renderer';
export * from './receipt-printer';
