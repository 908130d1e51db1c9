export * from './complete-sale';
export * from './sale-approvals';
export * from './sale-implied-documents';
export * from './sale-points';
export * from './sale-time';
export * from './receipt-sequence';
