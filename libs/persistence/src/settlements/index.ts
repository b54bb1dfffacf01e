export * from './settlements.repository';
export * from './settlement-computation.repository';
export * from './settlement-why.repository';
