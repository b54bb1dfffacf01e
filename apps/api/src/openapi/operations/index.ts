import { CORE_OPERATIONS } from './core';
import { NOTIFICATION_OPERATIONS } from './notifications';
import { PERCEPTION_OPERATIONS } from './perception';
import { PROCESS_OPERATIONS } from './processes';
import { SCORECARD_OPERATIONS } from './scorecards';
import { QUARTERLY_OPERATIONS } from './quarterly';
import { STAR_OPERATIONS } from './stars';
import { SERVICE_ORDER_OPERATIONS } from './service-orders';
import type { OperationDoc } from './shared';

export type { Answer, OperationDoc, ParamFormat } from './shared';

/**
 * The OpenAPI registry: every operation of the api by `METHOD /path`. An operation Nest serves that has no entry here
 * is reported by `undocumentedOperations` (the OpenAPI e2e check fails).
 */
export const OPERATIONS: Record<string, OperationDoc> = {
  ...CORE_OPERATIONS,
  ...PROCESS_OPERATIONS,
  ...PERCEPTION_OPERATIONS,
  ...SCORECARD_OPERATIONS,
  ...STAR_OPERATIONS,
  ...QUARTERLY_OPERATIONS,
  ...NOTIFICATION_OPERATIONS,
  ...SERVICE_ORDER_OPERATIONS,
};
