export * from './notifications.repository';
export * from './outbox.repository';
export * from './preferences.repository';
