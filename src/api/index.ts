export * from './api-views';
export * from './contract';
export * from './request-checks';
export * from './api-request-line';
export * from './einvoice-views';
