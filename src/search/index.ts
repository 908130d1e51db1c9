export * from './catalog-index';
export * from './normalize';
