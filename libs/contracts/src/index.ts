export * from './common';
export * from './auth';
export * from './cases';
export * from './env';
export * from './workflow';
export * from './activities';
export * from './complaints';
export * from './org';
