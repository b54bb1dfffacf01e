export * from './org.repository';
