export * from './print-job-store';
export * from './print-queue';
