import { z } from 'zod';
import {
  INDICATOR_IMPORT_HEADERS,
  IndicatorImportRow,
  IndicatorImportRowSchema,
  SATISFACTION_IMPORT_HEADERS,
  SatisfactionImportRow,
  SatisfactionImportRowSchema,
} from '@qf/contracts';
import { UploadedSheet, readImportSheet } from '../common/sheet';

/** Cell values the console's template uses (Chinese), beside the api's own codes. */
const CHANNEL_ZH: Record<string, string> = { 装维: 'repair', 装维回访: 'repair', 营业厅: 'hall', 厅店: 'hall' };
const SCOPE_ZH: Record<string, string> = {
  个人: 'person',
  人员: 'person',
  班组: 'team',
  营业厅: 'hall',
  营销中心: 'centre',
  中心: 'centre',
  县分公司: 'branch',
  分公司: 'branch',
};

/** P-1: a satisfaction file. */
export function readSatisfactionSheet(file: UploadedSheet) {
  return readImportSheet<SatisfactionImportRow>(file, {
    headers: SATISFACTION_IMPORT_HEADERS,
    required: ['month', 'channel', 'scope', 'code', 'score', 'sample'],
    schema: SatisfactionImportRowSchema,
    rule: 'P-1',
    normalize: (rec) => {
      rec.channel = CHANNEL_ZH[rec.channel as string] ?? rec.channel;
      rec.scope = SCOPE_ZH[rec.scope as string] ?? rec.scope;
    },
  });
}

/** P-6: a monthly service-indicator file (月份, 单位编码, 指标, 结果, 目标, 是否达标). */
export function readIndicatorSheet(file: UploadedSheet) {
  return readImportSheet<IndicatorImportRow>(file, {
    headers: INDICATOR_IMPORT_HEADERS,
    required: ['month', 'code', 'indicator', 'value', 'target', 'passed'],
    schema: IndicatorImportRowSchema as unknown as z.ZodType<IndicatorImportRow>,
    rule: 'P-6',
  });
}
