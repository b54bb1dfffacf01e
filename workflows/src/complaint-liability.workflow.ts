import {
  AppealDecisionDataSchema,
  CaseState,
  CaseWorkflowInput,
  ComplaintActivities,
  RegisterComplaintInput,
  RulingData,
  RulingDataSchema,
  VerificationDataSchema,
  zodIssueDetail,
} from '@qf/contracts';
import { FlowDefinitionSchema, PolicySchema } from '@qf/policy';
import {
  applyAppealDecision,
  canAppeal,
  deductionsForRuling,
  localMonth,
  namedNotice,
  requiredVerifiers,
  RulingInput,
  validateRuling,
  Verdict,
  verificationOutcome,
} from '@qf/domain';
import { CaseRuntime, RuleViolation } from './engine/case-runtime';
import { activities } from './engine/activities';
import { stageOf } from './engine/stage-of';

const acts = activities<ComplaintActivities>();

/** Domain paths (`persons[0].points`) in the api's dotted form under `data.` (`data.persons.0.points`). */
const underData = (vs: RuleViolation[]): RuleViolation[] =>
  vs.map((v) => ({ ...v, path: `data.${v.path.replace(/\[(\d+)\]/g, '.$1')}` }));

/** zod issues as violations under `data.`, with their stable code and params (README "Errors"). */
const zodViolations = (issues: { path: PropertyKey[]; message: string }[], rule?: string): RuleViolation[] =>
  issues.map((i) => zodIssueDetail(i, { prefix: 'data', rule }));

/** Ruling data from the api (points with one decimal) to the domain's RulingInput (points ×10). */
function toRulingInput(d: RulingData, escalationLevel: number): RulingInput {
  return {
    severity: d.severity,
    category: d.category,
    cause: d.cause,
    escalationLevel: escalationLevel as 0 | 1 | 2 | 3,
    persons: d.persons.map((p) => ({ employeeId: p.employeeId, role: p.role, points: Math.round(p.points * 10) })),
  };
}

/**
 * complaintLiability (C-1…C-13): verify → rule → named notice + appeal window → appeal decision → post deductions.
 * Versions of flow and policy are pinned in the input for the life of the case.
 */
export async function complaintLiability(input: CaseWorkflowInput): Promise<CaseState> {
  const flow = FlowDefinitionSchema.parse(input.flow);
  const policy = PolicySchema.parse(input.policy ?? {});
  const stage = (key: string) => stageOf(flow, key);
  const complaint = input.data.complaint as RegisterComplaintInput;
  const rt = new CaseRuntime(input);

  // C-2: verification — one verifier by default, two distinct verifiers for an egregious complaint; verdicts must agree.
  const verifyDef = {
    ...stage('verify'),
    required: Math.max(stage('verify').required, requiredVerifiers(complaint.severity, policy)),
  };
  let round = 1;
  let ruling: RulingInput | null = null;
  let verdict = '';
  for (;;) {
    const verified = await rt.runStage(verifyDef, {
      round,
      validate: (u, earlier) => {
        const r = VerificationDataSchema.safeParse(u.data ?? {});
        if (!r.success) return zodViolations(r.error.issues, 'C-2');
        const first = earlier.find((d) => d.action === 'approve')?.data?.verdict;
        return first && first !== r.data.verdict
          ? [
              {
                path: 'data.verdict',
                message: `the verdict differs from the first verifier's (${String(first)}); verifiers must agree (C-2)`,
                rule: 'C-2',
              },
            ]
          : [];
      },
    });
    const approvals = verified.decisions.filter((d) => d.action === 'approve');
    const last = approvals.at(-1);
    verdict = String(last?.data?.verdict ?? '');
    const outcome = verificationOutcome(
      verdict as Verdict,
      approvals.map((d) => d.userId),
      complaint.severity,
      policy,
    );
    rt.state.data = {
      ...rt.state.data,
      verification: {
        verdict,
        facts: last?.data?.facts,
        evidence: last?.data?.evidence,
        by: verified.decisions.map((d) => d.username),
      },
    };
    if (!outcome.continuesToRuling) return rt.finish('closed', verdict, { rule: 'C-2', reason: outcome.message });

    // C-3…C-6: the ruling, validated against the pinned policy.
    const ruled = await rt.runStage(stage('rule'), {
      round,
      validate: (u) => {
        const r = RulingDataSchema.safeParse(u.data ?? {});
        if (!r.success) return zodViolations(r.error.issues, 'C-3');
        return underData(validateRuling(toRulingInput(r.data, complaint.escalationLevel), policy));
      },
    });
    if (ruled.outcome === 'returned') {
      round++;
      continue;
    }
    const data = ruled.decisions.filter((d) => d.action === 'approve').pop()!.data as RulingData;
    ruling = toRulingInput(data, complaint.escalationLevel);
    break;
  }
  rt.state.data = { ...rt.state.data, ruling };

  // C-11: named notice; C-12: appeal window for every accountable person with a login.
  const notice = namedNotice(input.caseId, ruling, policy);
  const noticeAt = rt.nowIso();
  await acts.publishNotice({ caseId: input.caseId, workflowId: rt.workflowId, notice });
  const accountable = [...new Set(ruling.persons.map((p) => p.employeeId))];
  const users = await acts.usersOfEmployees(accountable);
  const appealDef = stage('appeal');
  const windowDeadline = { workingDays: policy.complaints.appealWindowWorkingDays };
  let appealed = false;
  if (users.length) {
    const window = await rt.runStage(appealDef, {
      round: 1,
      deadline: windowDeadline,
      closeAtDeadline: 'approved',
      assignees: users.map((u) => ({ role: null, userId: u.userId })),
      validate: (u) => {
        if (u.action !== 'reject') return [];
        if (!u.comment) return [{ path: 'comment', message: 'an appeal needs its reason (C-12)', rule: 'C-12' }];
        // the appellant is one of the accountable people, within the window
        const employeeId = users.find((x) => x.userId === u.actor.userId)?.employeeId ?? '';
        const may = canAppeal(employeeId, ruling!, noticeAt, rt.nowIso(), policy);
        return may.ok ? [] : [{ path: 'action', message: may.reason, rule: 'C-12' }];
      },
    });
    appealed = window.outcome === 'rejected';
    rt.state.data = {
      ...rt.state.data,
      appeals: window.decisions
        .filter((d) => d.action === 'reject')
        .map((d) => ({ by: d.username, reason: d.comment })),
    };
  } else {
    await rt.waitUntil(rt.dueFrom(rt.nowIso(), windowDeadline)!, 'appeal.window', {
      reason: 'no accountable person has a login; the window runs its time (C-12)',
    });
  }

  // C-12: the leadership group upholds, changes points or withdraws.
  if (appealed) {
    const decided = await rt.runStage(stage('appeal-decision'), {
      round: 1,
      validate: (u) => {
        const r = AppealDecisionDataSchema.safeParse(u.data ?? {});
        if (!r.success) return zodViolations(r.error.issues, 'C-12');
        const d = r.data;
        const decision =
          d.decision === 'change'
            ? {
                kind: 'change' as const,
                points: d.points.map((p) => ({ employeeId: p.employeeId, points: Math.round(p.points * 10) })),
              }
            : { kind: d.decision };
        return underData(applyAppealDecision(ruling!, decision, policy).violations);
      },
    });
    const d = AppealDecisionDataSchema.parse(decided.decisions.filter((x) => x.action === 'approve').pop()!.data);
    const decision =
      d.decision === 'change'
        ? {
            kind: 'change' as const,
            points: d.points.map((p) => ({ employeeId: p.employeeId, points: Math.round(p.points * 10) })),
          }
        : { kind: d.decision };
    ruling = applyAppealDecision(ruling, decision, policy).ruling;
    rt.state.data = { ...rt.state.data, appealDecision: d, ruling };
    if (!ruling) return rt.finish('closed', 'withdrawn', { rule: 'C-12' });
  }

  // Post the deductions (C-3, C-7 extra points) to the month of posting, idempotently.
  const month = localMonth(rt.nowIso(), policy.calendar.timeZone);
  const lines = deductionsForRuling(ruling, policy).map((l) => ({ ...l, severity: ruling!.severity }));
  await acts.postLedger({ caseId: input.caseId, workflowId: rt.workflowId, source: 'complaint', month, lines });
  rt.state.data = { ...rt.state.data, posted: { month, lines } };
  return rt.finish('closed', 'posted', { month, lines: lines.length });
}
