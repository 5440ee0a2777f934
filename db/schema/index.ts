export * from './enums';
export * from './users';
export * from './sources';
export * from './findings';
export * from './reviews';
export * from './audit';
export * from './releases';
export * from './settings';
