export * from './policy';
export * from './flow';
export * from './default-flows';
export * from './workflow-calendar';
