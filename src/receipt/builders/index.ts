/**
 * Receipt builders, one file per receipt kind (test page now; sale, return, exchange, pickup,
 * X and Z reports next to it), all producing the device-independent model in ../model.
 */
export * from './builder-kit';
export * from './test-receipt';
export * from './sale-receipt';
export * from './shift-report-receipt';
export * from './return-receipt';
export * from './pickup-slip';
export * from './store-sale-receipt';
export * from './provisional-bill';
