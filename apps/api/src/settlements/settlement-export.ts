import ExcelJS from 'exceljs';
import { payrollRow } from '@qf/domain';
import type { PayrollSourceRow } from '@qf/persistence';

const yes = (b: boolean) => (b ? '是' : '');

/**
 * H-3: the payroll workbook — one row per employee (the domain's payroll row), Chinese headers. KPI fines (K-5, K-8)
 * are a column of their own, deducted as money beside the points' money (H-1).
 */
export function payrollWorkbook(month: string, rows: PayrollSourceRow[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${month} 结算`);
  ws.columns = [
    { header: '工号', key: 'code', width: 10 },
    { header: '姓名', key: 'name', width: 12 },
    { header: '分公司', key: 'branch', width: 16 },
    { header: '扣分', key: 'points', width: 8 },
    { header: '扣款(元)', key: 'money', width: 10 },
    { header: '罚款(元)', key: 'fines', width: 10 },
    { header: '星级奖励(元)', key: 'bonus', width: 12 },
    { header: '星级津贴(元)', key: 'starPay', width: 12 },
    { header: '绩效等级', key: 'grade', width: 10 },
    { header: '待岗', key: 'suspension', width: 6 },
    { header: '退出', key: 'exit', width: 6 },
    { header: '培训', key: 'training', width: 6 },
    { header: '培训原因', key: 'trainingReason', width: 40 },
    { header: '来源案件', key: 'cases', width: 60 },
  ];
  for (const r of rows) {
    const p = payrollRow({
      employeeId: r.employeeId,
      month,
      pointsX10: r.pointsX10,
      deductionFen: Number(r.moneyFen),
      finesFen: Number(r.finesFen),
      bonusesFen: Number(r.bonusFen),
      starPayFen: Number(r.starPayFen),
      grade: r.grade,
      flags: { suspension: r.suspension, exit: r.exit, training: r.training },
      sourceCases: r.sourceCases ?? [],
      reasons: [],
      why: [],
    });
    ws.addRow({
      code: r.code,
      name: r.name,
      branch: r.branch,
      points: p.points,
      money: p.moneyYuan,
      fines: p.finesYuan,
      bonus: p.bonusYuan,
      starPay: p.starPayYuan,
      grade: p.grade ?? '',
      suspension: yes(p.suspension),
      exit: yes(p.exit),
      training: yes(p.training),
      trainingReason: r.trainingReason ?? '',
      cases: p.sourceCases.join(' '),
    });
  }
  return wb;
}
