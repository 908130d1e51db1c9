export * from './refund-tenders';
export * from './settle';
export * from '../documents/parts/tender';
