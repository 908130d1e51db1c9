export * from './demo-data';
export * from './random';
