import { deepMerge } from '../merge';
import * as casesZh from './cases.zh';
import * as complaintZh from './complaint.zh';
import * as errorsZh from './errors.zh';
import * as menuZh from './menu.zh';
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
 * Labels kept per area (one file per area and language, so work on one area never edits another's file);
 * merged over the main catalogues in zh.ts / en.ts. Split by language: this file registers the Chinese areas (the
 * login route's catalogue), `index.en.ts` the English ones, which load only when someone switches to English
 * (i18n/index.ts imports en.ts on demand). A new area is registered in both files.
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
  settlementZh.zh,
  resultWhyZh.zh,
  menuZh.zh,
  notificationsZh.zh,
);
