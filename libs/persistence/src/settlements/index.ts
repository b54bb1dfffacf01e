export * from './settlements.repository';
export * from './settlement-computation.repository';
