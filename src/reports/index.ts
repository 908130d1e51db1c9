export * from './csv';
export * from './customer-report';
export * from './loyalty-report';
export * from './report-period';
export * from './returns-report';
export * from './sales-report';
export * from './tender-movements';
