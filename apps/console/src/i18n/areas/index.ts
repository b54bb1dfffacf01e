import { deepMerge } from '../merge';
import * as casesEn from './cases.en';
import * as casesZh from './cases.zh';
import * as complaintEn from './complaint.en';
import * as complaintZh from './complaint.zh';
import * as errorsEn from './errors.en';
import * as errorsZh from './errors.zh';
import * as menuEn from './menu.en';
import * as menuZh from './menu.zh';
import * as notificationsEn from './notifications.en';
import * as notificationsZh from './notifications.zh';
import * as policiesEn from './policies.en';
import * as policiesZh from './policies.zh';
import * as processEn from './process.en';
import * as processZh from './process.zh';
import * as perceptionEn from './perception.en';
import * as perceptionZh from './perception.zh';
import * as simulationsEn from './simulations.en';
import * as simulationsZh from './simulations.zh';
import * as diagramEn from './diagram.en';
import * as diagramZh from './diagram.zh';
import * as ordersEn from './orders.en';
import * as ordersZh from './orders.zh';
import * as scorecardsEn from './scorecards.en';
import * as scorecardsZh from './scorecards.zh';
import * as quarterlyEn from './quarterly.en';
import * as quarterlyZh from './quarterly.zh';
import * as resultWhyEn from './result-why.en';
import * as resultWhyZh from './result-why.zh';

/**
 * Labels kept per area (one file per area and language, so work on one area never edits another's file);
 * merged over the main catalogues in zh.ts / en.ts.
 */
type Tree = { [key: string]: unknown };
const merge = (...trees: Tree[]): Tree => trees.reduce((acc, t) => deepMerge(acc, t), {} as Tree);

export const areasZh = merge(
  casesZh.zh,
  complaintZh.zh,
  errorsZh.zh,
  policiesZh.zh,
  processZh.zh,
  perceptionZh.zh,
  simulationsZh.zh,
  diagramZh.zh,
  ordersZh.zh,
  scorecardsZh.zh,
  quarterlyZh.zh,
  resultWhyZh.zh,
  menuZh.zh,
  notificationsZh.zh,
);
// pure: only the English catalogue (loaded on demand) uses it, so it stays out of the login route
export const areasEn = /*#__PURE__*/ merge(
  casesEn.en,
  complaintEn.en,
  errorsEn.en,
  policiesEn.en,
  processEn.en,
  perceptionEn.en,
  simulationsEn.en,
  diagramEn.en,
  ordersEn.en,
  scorecardsEn.en,
  quarterlyEn.en,
  resultWhyEn.en,
  menuEn.en,
  notificationsEn.en,
);
