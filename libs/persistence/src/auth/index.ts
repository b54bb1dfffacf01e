export * from './auth.repository';
export * from './throttle.repository';
