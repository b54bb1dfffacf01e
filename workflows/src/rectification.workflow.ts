import { condition, patched, setHandler } from '@temporalio/workflow';
import {
  CaseActivities,
  CaseState,
  CaseWorkflowInput,
  OpenRectificationInput,
  RectificationActivities,
  RectificationPlanSchema,
} from '@qf/contracts';
import { meetingChangedSignal } from '@qf/contracts/messages';
import { FlowDefinitionSchema } from '@qf/policy';
import { isOverdue } from '@qf/domain';
import { CaseRuntime } from './engine/case-runtime';
import { activities } from './engine/activities';
import { stageOf } from './engine/stage-of';

const acts = activities<RectificationActivities & Pick<CaseActivities, 'notify' | 'teamLeadsOf'>>();

/**
 * rectification (E-7, E-8, Q-2): the team lead records the revisit, causes and plan and submits before the next
 * fault-analysis meeting; the meeting (manager) confirms or reopens it (due at the following meeting). The due
 * date follows its meeting: moving the meeting signals the workflow, which re-arms its timer. Past the due
 * date the item is overdue and the team lead and manager are reminded. A foreman's own dissatisfied
 * self-evaluation needs only an internal note.
 */
export async function rectification(input: CaseWorkflowInput): Promise<CaseState> {
  const flow = FlowDefinitionSchema.parse(input.flow);
  const stage = (key: string) => stageOf(flow, key);
  const data = input.data as OpenRectificationInput & {
    meetingId: string | null;
    dueAt: string | null;
    /** P-5: a supervision order's own deadline, which no meeting moves */
    dueFixed?: boolean;
  };
  const rt = new CaseRuntime(input);

  if (data.internal) {
    await rt.runStage(stage('note'), {
      round: 1,
      validate: (u) =>
        typeof u.data?.note === 'string' && u.data.note.trim()
          ? []
          : [{ path: 'data.note', message: 'write the internal note (E-7)', rule: 'E-7' }],
    });
    await acts.updateRectification({ caseId: input.caseId, status: 'confirmed' });
    return rt.finish('closed', 'noted');
  }

  /**
   * E-7: the plan goes to the lead of the rectification's own team (each lead of the team, one decides); a team
   * without a team-lead login falls back to the team-lead role pool. Cases started before this rule keep the pool.
   */
  const planAssignees = async (): Promise<{ role: 'team-lead'; userId: string | null }[] | undefined> => {
    if (!patched('rectification-plan-to-own-team-lead')) return undefined;
    const leads = await acts.teamLeadsOf(data.teamUnitId);
    return leads.length ? leads.map((userId) => ({ role: 'team-lead' as const, userId })) : undefined;
  };
  let leads: string[] = [];

  const due = { meetingId: data.meetingId, at: data.dueAt, version: 0 };
  let submitted = false;
  /** E-8: open past its due meeting at `at` (also: a submission at `at` is late) */
  const overdueAt = (at: string) => isOverdue({ status: 'open', dueAt: due.at }, at);
  setHandler(meetingChangedSignal, (m) => {
    // E-7: an open item follows its meeting; one without a meeting takes the first one scheduled
    if (submitted || data.dueFixed) return;
    if (m.meetingId === due.meetingId || (!due.meetingId && (!due.at || Date.parse(m.scheduledAt) > Date.now()))) {
      Object.assign(due, { meetingId: m.meetingId, at: m.scheduledAt, version: due.version + 1 });
    }
  });

  /** Runs beside the plan stage: overdue at the due meeting (E-8), re-armed whenever the meeting moves. */
  const watchDue = async () => {
    let notified = '';
    while (!submitted) {
      const v = due.version;
      rt.state.data = { ...rt.state.data, meetingId: due.meetingId, dueAt: due.at };
      const overdue = overdueAt(rt.nowIso());
      await acts.updateRectification({ caseId: input.caseId, meetingId: due.meetingId, dueAt: due.at, overdue });
      if (overdue && notified !== `${due.meetingId}:${due.at}`) {
        notified = `${due.meetingId}:${due.at}`;
        // the team's own lead(s) by name when known, else the role; and the manager
        const to = [
          ...(leads.length
            ? leads.map((userId) => ({ role: 'team-lead' as const, userId }))
            : [{ role: 'team-lead' as const, userId: null }]),
          { role: 'manager' as const, userId: null },
        ];
        for (const { role, userId } of to) {
          await acts.notify({
            key: `${input.caseId}:${notified}:${role}${userId ? `:${userId}` : ''}`,
            kind: 'overdue',
            caseId: input.caseId,
            workflowId: rt.workflowId,
            taskId: null,
            role,
            userId,
            message: `整改已超期：应在故障分析会（${due.at}）前提交`,
          });
        }
      }
      const wait = due.at && !overdue ? Math.max(1, Date.parse(due.at) - Date.now()) : undefined;
      if (wait === undefined) await condition(() => submitted || due.version !== v);
      else await condition(() => submitted || due.version !== v, wait);
    }
  };

  for (let round = 1; ; round++) {
    submitted = false;
    const assignees = await planAssignees();
    leads = (assignees ?? []).map((a) => a.userId!);
    const watcher = watchDue();
    const plan = await rt.runStage(stage('plan'), {
      round,
      assignees,
      validate: (u) => {
        const r = RectificationPlanSchema.safeParse(u.data ?? {});
        return r.success
          ? []
          : r.error.issues.map((i) => ({ path: `data.${i.path.join('.')}`, message: i.message, rule: 'E-7' }));
      },
    });
    submitted = true;
    await watcher;
    const submittedAt = rt.nowIso();
    const late = overdueAt(submittedAt);
    rt.state.data = { ...rt.state.data, plan: plan.decisions.at(-1)?.data, submittedAt, late };
    await acts.updateRectification({ caseId: input.caseId, status: 'submitted', submittedAt, overdue: late });

    const review = await rt.runStage(stage('review'), { round });
    if (review.outcome === 'approved') {
      await acts.updateRectification({ caseId: input.caseId, status: 'confirmed' });
      return rt.finish('closed', 'confirmed', { late });
    }
    // reopened: due at the meeting after the one that reviewed it
    const next = await acts.nextMeeting(due.at ?? rt.nowIso());
    Object.assign(due, { meetingId: next?.meetingId ?? null, at: next?.scheduledAt ?? null, version: due.version + 1 });
    await acts.updateRectification({ caseId: input.caseId, status: 'open', submittedAt: null, overdue: false });
  }
}
