import { deepMerge } from '../merge';
import * as casesEn from './cases.en';
import * as complaintEn from './complaint.en';
import * as errorsEn from './errors.en';
import * as menuEn from './menu.en';
import * as notificationsEn from './notifications.en';
import * as policiesEn from './policies.en';
import * as processEn from './process.en';
import * as perceptionEn from './perception.en';
import * as simulationsEn from './simulations.en';
import * as diagramEn from './diagram.en';
import * as ordersEn from './orders.en';
import * as scorecardsEn from './scorecards.en';
import * as quarterlyEn from './quarterly.en';
import * as settlementEn from './settlement.en';
import * as resultWhyEn from './result-why.en';

/**
 * The English areas (same keys as the Chinese ones registered in index.ts), merged over en.ts. Only en.ts imports this
 * file, and i18n/index.ts imports en.ts when someone switches to English: none of it is on the login route.
 */
type Tree = { [key: string]: unknown };
const merge = (...trees: Tree[]): Tree => trees.reduce((acc, t) => deepMerge(acc, t), {} as Tree);

export const areasEn = merge(
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
  settlementEn.en,
  resultWhyEn.en,
  menuEn.en,
  notificationsEn.en,
);
