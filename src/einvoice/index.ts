export * from './einvoice-error';
export * from './invoice-code';
export * from './invoice-parties';
export * from './invoice-record';
export * from './invoice-symbol';
export * from './invoice-xml';
export * from './vietnamese-words';
export * from './sale-invoice-code';
