import {
  CaseState,
  CaseWorkflowInput,
  InterviewActivities,
  InterviewCaseData,
  InterviewRecordSchema,
} from '@qf/contracts';
import { FlowDefinitionSchema } from '@qf/policy';
import { activities } from './engine/activities';
import { CaseRuntime } from './engine/case-runtime';
import { stageOf } from './engine/stage-of';

const acts = activities<InterviewActivities>();

/**
 * interview (P-6 yellow/red card, P-7 major incident): a task for the named person, due at the interview's date;
 * submitting it records the date, the people, the minutes and the commitments, which are kept with the case.
 */
export async function interview(input: CaseWorkflowInput): Promise<CaseState> {
  const flow = FlowDefinitionSchema.parse(input.flow);
  const data = input.data as unknown as InterviewCaseData;
  const rt = new CaseRuntime(input);
  const done = await rt.runStage(stageOf(flow, 'record'), {
    round: 1,
    dueAt: data.dueAt,
    assignees: data.intervieweeUserId ? [{ role: null, userId: data.intervieweeUserId }] : undefined,
    validate: (u) => {
      if (u.action !== 'approve') return [];
      const r = InterviewRecordSchema.safeParse(u.data ?? {});
      const rule = data.origin === 'major-incident' ? 'P-7' : 'P-6';
      return r.success
        ? []
        : r.error.issues.map((i) => ({ path: `data.${i.path.join('.')}`, message: i.message, rule }));
    },
  });
  const record = InterviewRecordSchema.parse(done.decisions.at(-1)?.data ?? {});
  await acts.recordInterview({ caseId: input.caseId, record });
  rt.state.data = { ...rt.state.data, record };
  return rt.finish('closed', 'recorded', { record });
}
