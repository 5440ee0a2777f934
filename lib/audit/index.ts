export * from './csv';
export * from './filters';
export type { AuditEventRow } from './types';
