export * from './versions.repository';
