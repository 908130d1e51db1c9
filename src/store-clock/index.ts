export * from './business-day';
export * from './store-scan-context';
