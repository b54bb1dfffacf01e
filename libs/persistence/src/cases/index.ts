export * from './scope';
export * from './cases.repository';
