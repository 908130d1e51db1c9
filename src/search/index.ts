export * from './catalog-index';
export * from './catalog-snapshot';
export * from './normalize';
