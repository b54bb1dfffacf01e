import { deepMerge } from '../merge';
import * as casesZh from './cases.zh';
import * as complaintZh from './complaint.zh';
import * as notificationsZh from './notifications.zh';
import * as policiesZh from './policies.zh';
import * as processZh from './process.zh';
import * as perceptionZh from './perception.zh';
import * as simulationsZh from './simulations.zh';
import * as diagramZh from './diagram.zh';
import * as ordersZh from './orders.zh';
import * as scorecardsZh from './scorecards.zh';
import * as quarterlyZh from './quarterly.zh';
import * as settlementZh from './settlement.zh';
import * as resultWhyZh from './result-why.zh';

/**
 * The Chinese areas of the signed-in console (everything but the login route's, which index.ts registers), merged
 * over zh.ts's catalogue by i18n/index.ts `loadSignedInCatalogue` when someone signs in. Same keys as index.en.ts.
 */
type Tree = { [key: string]: unknown };
const merge = (...trees: Tree[]): Tree => trees.reduce((acc, t) => deepMerge(acc, t), {} as Tree);

export const areasZhSignedIn = merge(
  casesZh.zh,
  complaintZh.zh,
  policiesZh.zh,
  processZh.zh,
  perceptionZh.zh,
  simulationsZh.zh,
  diagramZh.zh,
  ordersZh.zh,
  scorecardsZh.zh,
  quarterlyZh.zh,
  settlementZh.zh,
  resultWhyZh.zh,
  notificationsZh.zh,
);
