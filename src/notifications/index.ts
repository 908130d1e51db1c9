export * from './e-receipt';
