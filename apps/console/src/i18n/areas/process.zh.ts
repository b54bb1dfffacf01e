/** Chinese labels of the process area (merged over zh.ts; en has the same keys in process.en.ts). */
import { deepMerge } from '../merge';

/** B1 (stars): keys under qf.stars_ui and the star resources. */
const stars = {};

/** B2 (settlement, evaluation, rectification, meetings, work orders): keys under qf.process_ui and their resources. */
const settlementEvaluation = {};

export const zh = deepMerge(stars as Record<string, unknown>, settlementEvaluation);
