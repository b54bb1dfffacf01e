export * from './rectifications.repository';
export * from './meetings.repository';
