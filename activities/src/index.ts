import { DataSource } from 'typeorm';
import { createCaseActivities } from './case-activities';

export { createCaseActivities };

/** All activities the worker registers, built from their dependencies. */
export function createActivities(ds: DataSource) {
  return { ...createCaseActivities(ds) };
}
