export * from './policy';
export * from './flow';
