export * from './star-campaigns.repository';
export * from './star-applications.repository';
export * from './star-holders.repository';
export * from './star-reviews.repository';
export * from './star-activities.repository';
