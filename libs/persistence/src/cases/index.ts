export * from './scope';
export * from './cases.repository';
export * from './waiting-names';
