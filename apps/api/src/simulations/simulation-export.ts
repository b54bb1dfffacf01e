import ExcelJS from 'exceljs';
import type { SimulationChangeRow, SimulationResultRow, SimulationRow } from '@qf/persistence';

const yuan = (fen: number) => Math.round(fen) / 100;
const grade = (g: string | null) => g ?? '无';
const KIND: Record<string, string> = { settlement: '月度结算', perception: '客户感知' };

/** The people whose results would change, one row per person and month, Chinese headers. */
export function simulationWorkbook(
  s: SimulationRow,
  rows: SimulationChangeRow[],
  results: SimulationResultRow[] = [],
): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`模拟 v${s.policyVersion}`);
  ws.columns = [
    { header: '月份', key: 'month', width: 10 },
    { header: '类别', key: 'kind', width: 10 },
    { header: '员工', key: 'employee', width: 18 },
    { header: '分公司', key: 'branch', width: 16 },
    { header: '原等级', key: 'gradeBefore', width: 8 },
    { header: '模拟等级', key: 'gradeAfter', width: 8 },
    { header: '原扣分', key: 'pointsBefore', width: 8 },
    { header: '模拟扣分', key: 'pointsAfter', width: 8 },
    { header: '原扣款(元)', key: 'moneyBefore', width: 10 },
    { header: '模拟扣款(元)', key: 'moneyAfter', width: 12 },
    { header: '扣款差额(元)', key: 'moneyDelta', width: 12 },
  ];
  for (const r of rows)
    ws.addRow({
      month: r.month,
      kind: KIND[r.kind] ?? r.kind,
      employee: r.employee,
      branch: r.branch ?? '',
      gradeBefore: grade(r.gradeBefore),
      gradeAfter: grade(r.gradeAfter),
      pointsBefore: r.pointsBefore / 10,
      pointsAfter: r.pointsAfter / 10,
      moneyBefore: yuan(r.moneyBeforeFen),
      moneyAfter: yuan(r.moneyAfterFen),
      moneyDelta: yuan(r.moneyDeltaFen),
    });
  if (results.length) resultSheet(wb, results);
  return wb;
}

const RESULT_KIND: Record<string, string> = {
  'star-pay': '星级薪酬',
  'repairer-score': '维修人员得分',
  scorecard: '考核卡',
  'scorecard-fine': '考核罚款',
};

/** Star pay, repairer scores, scorecards and K-5 fines that would change: a second sheet. */
function resultSheet(wb: ExcelJS.Workbook, results: SimulationResultRow[]) {
  const ws = wb.addWorksheet('其他结果');
  ws.columns = [
    { header: '月份', key: 'month', width: 10 },
    { header: '类别', key: 'kind', width: 12 },
    { header: '对象', key: 'subject', width: 20 },
    { header: '单位', key: 'unit', width: 16 },
    { header: '原值', key: 'valueBefore', width: 8 },
    { header: '模拟值', key: 'valueAfter', width: 8 },
    { header: '原金额(元)', key: 'moneyBefore', width: 10 },
    { header: '模拟金额(元)', key: 'moneyAfter', width: 12 },
    { header: '金额差额(元)', key: 'moneyDelta', width: 12 },
  ];
  for (const r of results)
    ws.addRow({
      month: r.month,
      kind: RESULT_KIND[r.kind] ?? r.kind,
      subject: r.subject ?? '',
      unit: r.unit ?? '',
      valueBefore: r.valueBefore ?? '',
      valueAfter: r.valueAfter ?? '',
      moneyBefore: yuan(r.moneyBeforeFen),
      moneyAfter: yuan(r.moneyAfterFen),
      moneyDelta: yuan(r.moneyDeltaFen),
    });
}
