export * from './auth.repository';
