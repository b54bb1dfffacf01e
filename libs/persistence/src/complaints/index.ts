export * from './complaints.repository';
export * from './notices.repository';
