import { z } from 'zod';
import { KPI_IMPORT_HEADERS, KpiImportRow, KpiImportRowSchema } from '@qf/contracts';
import { UploadedSheet, readImportSheet } from '../common/sheet';

/** Cell values of the console's template (Chinese) beside the api's own codes. */
const FIGURE_ZH: Record<string, string> = {
  受理量: 'call-volume',
  BOSS录入差错率: 'boss-error-rate',
  'BOSS 录入差错率': 'boss-error-rate',
  营业系统录入差错率: 'boss-error-rate',
  网络出口故障: 'network-exit-failures',
  设备故障: 'device-failures',
  客户在网率: 'subscriber-retention',
  派单准确率: 'dispatch-accuracy',
};
const SCOPE_ZH: Record<string, string> = { 单位: 'unit', 部门: 'unit', 个人: 'person', 人员: 'person' };

/** K-9: an indicator-value file — the valid rows and every bad row's problems. */
export function readKpiSheet(file: UploadedSheet) {
  return readImportSheet<KpiImportRow>(file, {
    headers: KPI_IMPORT_HEADERS,
    required: ['month', 'figure', 'scope', 'code', 'value'],
    schema: KpiImportRowSchema as unknown as z.ZodType<KpiImportRow>,
    rule: 'K-9',
    normalize: (rec) => {
      rec.figure = FIGURE_ZH[rec.figure as string] ?? rec.figure;
      rec.scope = SCOPE_ZH[rec.scope as string] ?? rec.scope;
    },
  });
}
