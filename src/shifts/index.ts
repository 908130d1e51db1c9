export * from '../documents/cash-move';
export * from './shift-lifecycle';
export * from './shift-report';
export * from './cash-denominations';
