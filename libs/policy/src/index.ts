export * from './policy';
export * from './flow';
export * from './workflow-calendar';
