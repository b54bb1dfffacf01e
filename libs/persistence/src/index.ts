export * from './entities';
export * from './data-source';
export * from './seed';
export * from './evaluation-assignment';
export * from './star-changes';
export * from './case-versions';
export * from './ledger';
export * from './core';
