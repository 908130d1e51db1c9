export * from './complete-sale';
