import { deepMerge } from '../merge';
import * as errorsZh from './errors.zh';
import * as menuZh from './menu.zh';

/**
 * Labels kept per area (one file per area and language, so work on one area never edits another's file);
 * merged over the main catalogues in zh.ts / en.ts. Registered in three files, so that the login route carries only
 * what it shows (issue 17, first load):
 * - this file: the Chinese areas of the login route (the login page, its refusals, session expiry);
 * - `index.zh.ts`: every other Chinese area, loaded on signing in (i18n/index.ts `loadSignedInCatalogue`; the layout
 *   waits for it, so no screen after login shows a missing label);
 * - `index.en.ts`: the English areas, loaded with en.ts when someone switches to English.
 * A new area goes into `index.zh.ts` and `index.en.ts`.
 */
type Tree = { [key: string]: unknown };
const merge = (...trees: Tree[]): Tree => trees.reduce((acc, t) => deepMerge(acc, t), {} as Tree);

export const areasZh = merge(errorsZh.zh, menuZh.zh);
