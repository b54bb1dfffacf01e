export * from './entities';
export * from './data-source';
export * from './seed';
export * from './star-changes';
