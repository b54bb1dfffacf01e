import { DataSource } from 'typeorm';
import { createCaseActivities } from './case-activities';
import { createComplaintActivities } from './complaint-activities';
import { createSettlementActivities } from './settlement-activities';
import { createRectificationActivities } from './rectification-activities';
import { createEvaluationActivities } from './evaluation-activities';
import { createStarActivities } from './star-activities';
import { createPerceptionActivities } from './perception-activities';
import { createSimulationActivities } from './simulation-activities';
import { createScorecardActivities } from './scorecard-activities';
import { createServiceOrderActivities } from './service-order-activities';
import { createQuarterlyActivities } from './quarterly-activities';

export { createCaseActivities, createComplaintActivities, createSettlementActivities, createEvaluationActivities };

/** All activities the worker registers, built from their dependencies. */
export function createActivities(ds: DataSource) {
  return {
    ...createCaseActivities(ds),
    ...createComplaintActivities(ds),
    ...createSettlementActivities(ds),
    ...createRectificationActivities(ds),
    ...createEvaluationActivities(ds),
    ...createStarActivities(ds),
    ...createPerceptionActivities(ds),
    ...createSimulationActivities(ds),
    ...createScorecardActivities(ds),
    ...createServiceOrderActivities(ds),
    ...createQuarterlyActivities(ds),
  };
}
