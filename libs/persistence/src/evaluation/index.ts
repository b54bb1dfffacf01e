export * from './scope';
export * from './work-orders.repository';
export * from './evaluations.repository';
