import { Inject, Injectable } from '@nestjs/common';
import type ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { canApproveSettlement, isMonthLocked, monthCloseRefusal } from '@qf/domain';
import {
  branchAbove,
  BranchSummary,
  branchSummaries,
  branchTotals,
  ensureSettlement,
  findSettlement,
  linkSettlementCase,
  listSettlementRows,
  listSettlements,
  lockedMonths,
  payrollSourceRows,
  policyInEffect,
  settlementIdOfMonth,
  settlementOfTask,
  SettlementRow,
  settlementRowLedgerCases,
  SettlementTotals,
  withWaitingNames,
} from '@qf/persistence';
import { RequestUser } from '../auth/auth.decorators';
import { badRequest, conflict, notFound } from '../common/errors';
import { CasesService } from '../cases/cases.service';
import { reasonZh } from './reasons-zh';
import { payrollWorkbook } from './settlement-export';
import { rowWhyWithCases, whyWithCaseNumbers } from './settlement-why';

const UUID = /^[0-9a-f-]{36}$/i;
const STRICT_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** the scope of a branch head above whom no branch is: no row */
const NO_BRANCH = '00000000-0000-0000-0000-000000000000';
const ZERO: SettlementTotals = { employees: 0, pointsX10: 0, moneyFen: 0, branches: 0, p4: 0, p5: 0 };

/** H-1…H-3: the month's close. One settlement per month; a branch head sees their branch's rows and totals. */
@Injectable()
export class SettlementsService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly cases: CasesService,
  ) {}

  /** The branch a user is limited to: a branch head's (unless they also see everything), else null (every branch). */
  private async scopeOf(user: RequestUser): Promise<string | null> {
    if (
      !user.roles.includes('branch-head') ||
      user.roles.some((r) => r === 'hr' || r === 'admin' || r === 'leadership')
    )
      return null;
    return (await branchAbove(this.ds, user.unitId)) ?? NO_BRANCH;
  }

  /** Totals as the user may see them: a branch head's are their branch's (not the company's). */
  private async scopedTotals(rows: SettlementRow[], scope: string | null): Promise<SettlementRow[]> {
    if (!scope) return rows;
    const own = await branchTotals(
      this.ds,
      rows.map((s) => s.id),
      scope,
    );
    return rows.map((s) => ({ ...s, totals: s.totals ? (own[s.id] ?? { ...ZERO }) : null }));
  }

  /**
   * Starts the month's close (H-1); a second start returns the existing settlement. A locked month without one is
   * refused (H-2), as is a month not over yet unless the policy in effect allows an early close (H-2).
   */
  async start(user: RequestUser, month: string): Promise<{ created: boolean; id: string }> {
    if (!(await settlementIdOfMonth(this.ds, month))) {
      if (isMonthLocked(month, await lockedMonths(this.ds)))
        throw badRequest(`month ${month} is already locked (H-2)`, [{ path: 'month', message: 'locked', rule: 'H-2' }]);
      const refusal = monthCloseRefusal(month, new Date().toISOString(), await policyInEffect(this.ds));
      if (refusal) throw conflict(refusal.message, refusal.code, refusal.params);
    }
    const row = await ensureSettlement(this.ds, month);
    const r = await this.cases.start(
      {
        kind: 'settlement',
        workflowType: 'monthlySettlement',
        businessKey: month,
        title: `${month} 月度结算`,
        data: { settlementId: row.id, month },
      },
      user,
    );
    await linkSettlementCase(this.ds, row.id, r.case.id, r.case.policyVersion);
    return row;
  }

  async list(user: RequestUser, orderBy: string, limit: number, offset: number) {
    const { rows, total } = await listSettlements(this.ds, { orderBy, limit, offset });
    return { rows: await withWaitingNames(this.ds, await this.scopedTotals(rows, await this.scopeOf(user))), total };
  }

  async get(user: RequestUser, id: string) {
    if (!UUID.test(id)) throw notFound('settlement');
    const s = await findSettlement(this.ds, id);
    if (!s) throw notFound('settlement');
    const scope = await this.scopeOf(user);
    const [named] = await withWaitingNames(this.ds, await this.scopedTotals([s], scope));
    const branches = (await branchSummaries(this.ds, id, s.caseId, scope)).map(branchView);
    // H-2: HR approves once every branch confirmed (company-level people need no branch confirmation)
    const approval = canApproveSettlement(
      branches.flatMap((b) => (b.branchId ? [{ branchId: b.branchId, confirmed: !!b.confirmed }] : [])),
    );
    return { ...named, branches, pendingBranchIds: approval.pending };
  }

  /**
   * The settlement a task of its case decides (the decision panel of a confirmation or an HR approval): the month and
   * its totals, every branch (a branch head: their own), and for a confirmation the branch of the task's branch head.
   */
  async byTask(user: RequestUser, taskId: string) {
    if (!UUID.test(taskId)) throw notFound('task');
    const t = await settlementOfTask(this.ds, taskId);
    if (!t) throw notFound('settlement task');
    const detail = await this.get(user, t.settlementId);
    const taskBranchId = t.stage === 'confirm' && t.headUnitKind === 'branch' ? t.headUnit : null;
    return { ...detail, taskStage: t.stage, taskRound: t.round, taskBranchId };
  }

  /**
   * Per-employee rows (with source cases, the reasons in Chinese and the why: rules, facts with case numbers, policy
   * version); a branch head's branch only.
   */
  async rows(
    user: RequestUser,
    id: string,
    filter: Record<string, unknown>,
    orderBy: string,
    limit: number,
    offset: number,
  ) {
    if (!UUID.test(id)) throw notFound('settlement');
    const scopeBranch = await this.scopeOf(user);
    const page = await listSettlementRows(this.ds, { settlementId: id, scopeBranch, filter, orderBy, limit, offset });
    return {
      total: page.total,
      rows: (await whyWithCaseNumbers(this.ds, page.rows)).map((r) => ({
        ...r,
        moneyFen: Number(r.moneyFen),
        displayName: `${r.name}（${r.code}）`,
        reasons: (Array.isArray(r.reasons) ? r.reasons : []).map((x: { rule: string; message: string }) => ({
          ...x,
          messageZh: reasonZh(x.message),
        })),
      })),
    };
  }

  /**
   * Issue 18: one row's why with the cases each rule counted, by number — read from the ledger for the opened row (the
   * rows of a close name the ledger group, not the ids); a branch head's branch only, else 404.
   */
  async rowWhy(user: RequestUser, id: string, employeeId: string) {
    if (!STRICT_UUID.test(id) || !STRICT_UUID.test(employeeId)) throw notFound('settlement row');
    const found = await settlementRowLedgerCases(this.ds, id, employeeId, await this.scopeOf(user));
    if (!found) throw notFound('settlement row');
    return { employeeId, why: await rowWhyWithCases(this.ds, found.why, found.groups) };
  }

  /** H-3: the payroll workbook of a settlement (a branch head's branch only) and its month. */
  async payroll(user: RequestUser, id: string): Promise<{ month: string; workbook: ExcelJS.Workbook }> {
    if (!UUID.test(id)) throw notFound('settlement');
    const s = await findSettlement(this.ds, id);
    if (!s) throw notFound('settlement');
    const rows = await payrollSourceRows(this.ds, id, await this.scopeOf(user));
    return { month: s.month, workbook: payrollWorkbook(s.month, rows) };
  }
}

/** People of company-level units (no branch above them) have no branch confirmation: HR's approval covers them. */
function branchView(b: BranchSummary) {
  return {
    ...b,
    branchName: b.branchName ?? '市公司直属',
    moneyFen: Number(b.moneyFen),
    confirmed: b.branchId ? b.taskStatus === 'done' && b.decision === 'approve' : null,
  };
}
