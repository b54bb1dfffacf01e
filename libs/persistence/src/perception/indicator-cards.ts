import type { DataSource } from 'typeorm';
import type { InterviewCaseData } from '@qf/contracts';
import { indicatorFailureAction, interviewDueAt } from '@qf/domain';
import type { Policy } from '@qf/policy';
import { appendAudit } from '../core/audit';
import {
  cardPeople,
  failingUnits,
  insertIndicatorFailure,
  insertNamedNotice,
  NamedPerson,
} from './indicators.repository';
import { bookUnitLedgerEntries } from './unit-ledger.repository';

const CARD_ZH: Record<string, string> = { 'yellow-card': '黄牌', 'red-card': '红牌', interview: '约谈', none: '' };

/** An interview a card orders (P-6): its case's business key, title, interviewee and data (without the due date). */
export interface CardInterviewOrder {
  businessKey: string;
  title: string;
  person: NamedPerson | null;
  data: Pick<InterviewCaseData, 'origin' | 'unitId' | 'unitName' | 'month' | 'card' | 'reason'>;
  branchId: string | null;
}

export interface CardedUnit {
  unitId: string;
  month: string;
  card: string;
  failureNo: number;
  /** false when the failing month was recorded before (nothing written again) */
  first: boolean;
  interviews: CardInterviewOrder[];
}

/** P-6 / P-7: an interview case's data for the named person, due the policy's interview working days after `issuedAt`. */
export function interviewCaseData(
  i: Pick<CardInterviewOrder, 'person'> & {
    data: Omit<InterviewCaseData, 'intervieweeId' | 'intervieweeName' | 'intervieweeUserId' | 'dueAt'>;
  },
  policy: Policy,
  issuedAt = new Date().toISOString(),
): InterviewCaseData {
  return {
    ...i.data,
    intervieweeId: i.person?.employeeId ?? null,
    intervieweeName: i.person?.name ?? null,
    intervieweeUserId: i.person?.userId ?? null,
    dueAt: interviewDueAt(issuedAt, policy),
  };
}

/**
 * P-6: cards a month — each unit failing in `month` (imported results or KPI scorecard points fed in) by its n-th
 * failing month of the year (indicatorFailureAction): the failure, the organisational deduction (units' ledger) and
 * the named notices, written once per (unit, month) in one transaction each; returns the interviews to order (their
 * case keys make them once). Called by the indicator import (api) and the scorecard month's posting (activity).
 */
export async function cardIndicatorMonth(
  q: DataSource,
  month: string,
  policy: Policy,
  actor: { id?: string; name: string },
  audit: { caseId?: string; workflowId?: string } = {},
): Promise<CardedUnit[]> {
  const out: CardedUnit[] = [];
  for (const u of await failingUnits(q, month)) {
    const failureNo = u.failingMonthsBefore + 1;
    const action = indicatorFailureAction(failureNo, policy);
    const people = await cardPeople(q, u.unitId);
    const noticeTo = { vp: people.vp, 'general-manager': people.generalManager };
    const postZh = { vp: '分管副总经理', 'general-manager': '总经理' };
    const card = CARD_ZH[action.card];
    const what = `${u.unitName} ${month.slice(0, 4)} 年第 ${failureNo} 个服务指标不达标月（${month}：${u.failed.join('、')}）`;
    const notices = action.notices.map((n) => ({
      to: n,
      name: noticeTo[n]?.name ?? null,
      message: `${card}通报：${what}，致${postZh[n]}${noticeTo[n]?.name ? ` ${noticeTo[n]!.name}` : ''}（P-6）`,
    }));
    const first = await q.transaction(async (tx) => {
      const inserted = await insertIndicatorFailure(tx, {
        unitId: u.unitId,
        month,
        failureNo,
        card: action.card,
        orgScoreX10: action.orgScoreX10,
        failed: u.failed,
        notices,
      });
      if (!inserted) return false;
      // P-6: the deduction belongs to the unit's organisational score, posted once per (unit, month)
      const orgScorePosted = await bookUnitLedgerEntries(
        tx,
        action.orgScoreX10 > 0
          ? [
              {
                unitId: u.unitId,
                month,
                source: 'indicators',
                reason: 'indicator-P-6',
                orgScoreX10: action.orgScoreX10,
                detail: `${what}：扣组织绩效 ${action.orgScoreX10 / 10} 分（P-6）`,
                caseId: audit.caseId ?? null,
                workflowId: audit.workflowId ?? null,
              },
            ]
          : [],
      );
      for (const n of notices)
        await insertNamedNotice(tx, {
          key: `indicator-card:${u.unitId}:${month}:${n.to}`,
          role: 'leadership',
          userId: noticeTo[n.to]?.userId ?? null,
          message: n.message,
        });
      await appendAudit(tx, {
        actor,
        action: 'indicator.failure',
        entity: 'org-unit',
        entityId: u.unitId,
        caseId: audit.caseId,
        workflowId: audit.workflowId,
        after: { month, failureNo, card: action.card, orgScoreX10: action.orgScoreX10, orgScorePosted, notices },
        idempotencyKey: `indicator-failure:${u.unitId}:${month}`,
      });
      return true;
    });
    const interviews = action.interviews.map((who): CardInterviewOrder => {
      const person = who === 'branch-head' ? people.branchHead : (people.branchVp ?? people.branchHead);
      const role = who === 'branch-head' ? '分公司经理' : '分公司副经理';
      return {
        businessKey: `card-${month}-${u.unitId}-${who}`,
        title: `${card ? `${card}` : ''}约谈：${u.unitName}${role}（${month}）`,
        person,
        data: {
          origin: 'indicator-card',
          unitId: u.unitId,
          unitName: u.unitName,
          month,
          card: action.card,
          reason: `${what}${card ? `，${card}` : ''}：约谈${role}（P-6）`,
        },
        branchId: people.branchId,
      };
    });
    out.push({ unitId: u.unitId, month, card: action.card, failureNo, first, interviews });
  }
  return out;
}
