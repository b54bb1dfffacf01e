export * from './queryable';
export * from './audit';
export * from './list-page';
export * from './register-case';
