import type { ComponentType } from 'react';
import { SelectInput, TextInput } from 'react-admin';
import type { z } from 'zod';
import type { TaskActionName, TaskView } from '@qf/contracts/cases';
import { verdictChoices } from '../components/choices';
import { RulingForm } from '../complaints/RulingForm';
import { AppealDecisionForm } from '../complaints/AppealDecisionForm';
import { complaintActionText, NoStageInputs, VerificationEvidenceInput } from '../complaints/stageText';
import {
  AppealDecisionFormSchema,
  NoDataSchema,
  RulingDataSchema,
  VerificationDataSchema,
} from '../complaints/schemas';
import {
  NoRectificationDataSchema,
  NoRectificationInputs,
  rectificationActionText,
  RectificationNoteForm,
  RectificationNoteSchema,
  RectificationPlanForm,
  RectificationPlanFormSchema,
  settlementActionText,
} from '../evaluations/rectificationForms';
import { interviewActionText, InterviewRecordForm, InterviewRecordFormSchema } from '../perception/InterviewPanel';
import { redispatchActionText, RedispatchForm, RedispatchFormSchema } from '../serviceOrders/panels';

/**
 * A process-specific form for one stage. Its inputs use sources under `data.` and are rendered inside
 * TaskActions' dialog; the validated `data` object is sent with the action.
 */
export interface StageFormDef {
  component: ComponentType;
  schema: z.ZodType;
  /** Actions that carry the form's data (default: approve). */
  actions?: readonly TaskActionName[];
  defaultData?: Record<string, unknown>;
  /** What an action means at this stage (translation keys): button/dialog label, comment label, required-comment message, a hint. */
  actionText?: Partial<Record<TaskActionName, StageActionText>>;
  /** Actions the stage's decision panel performs itself: not offered again as buttons. */
  hidden?: readonly TaskActionName[];
}

export interface StageActionText {
  label?: string;
  comment?: string;
  commentRequired?: string;
  help?: string;
}

const F = 'resources.complaints.fields';

const VerificationForm = () => (
  <>
    <SelectInput source="data.verdict" label={`${F}.verdict`} choices={verdictChoices} fullWidth />
    <TextInput source="data.facts" label={`${F}.facts`} multiline minRows={3} fullWidth />
    <VerificationEvidenceInput />
  </>
);

export const stageForms: Record<string, StageFormDef> = {
  'complaint:verify': {
    component: VerificationForm,
    schema: VerificationDataSchema,
    actionText: complaintActionText.verify,
  },
  'complaint:rule': {
    component: RulingForm,
    schema: RulingDataSchema,
    defaultData: { persons: [{ role: 'responsible' }] },
    actionText: complaintActionText.rule,
  },
  /** C-12: accept the ruling (approve) or appeal it with a reason (reject); no data. */
  'complaint:appeal': {
    component: NoStageInputs,
    schema: NoDataSchema,
    actions: [],
    actionText: complaintActionText.appeal,
  },
  /** C-12: uphold | change (points per person) | withdraw. */
  'complaint:appeal-decision': {
    component: AppealDecisionForm,
    schema: AppealDecisionFormSchema,
    actionText: complaintActionText.decision,
  },
  /** E-7: the team lead's revisit, causes and plan (all required). */
  /** P-6 / P-7: the interviewee records the interview: date, people, minutes, commitments. */
  /** K-2: the dispatcher re-dispatches a late order (optionally to another handler). */
  'order-redispatch:redispatch': {
    component: RedispatchForm,
    schema: RedispatchFormSchema,
    actionText: redispatchActionText,
  },
  'interview:record': {
    component: InterviewRecordForm,
    schema: InterviewRecordFormSchema,
    actionText: interviewActionText,
  },
  'rectification:plan': {
    component: RectificationPlanForm,
    schema: RectificationPlanFormSchema,
    actionText: rectificationActionText.plan,
  },
  /** E-7: the fault-analysis meeting (manager) confirms the rectification or reopens it (due at the next meeting). */
  'rectification:review': {
    component: NoRectificationInputs,
    schema: NoRectificationDataSchema,
    actions: [],
    actionText: rectificationActionText.review,
  },
  /** E-7: a foreman's own dissatisfied self-evaluation needs only an internal note. */
  'rectification:note': {
    component: RectificationNoteForm,
    schema: RectificationNoteSchema,
    actionText: rectificationActionText.note,
  },
  /** H-1: the branch head confirms the branch's results or rejects them for correction (recomputed, asked again). */
  'settlement:confirm': {
    component: NoRectificationInputs,
    schema: NoRectificationDataSchema,
    actions: [],
    actionText: settlementActionText.confirm,
  },
  /** H-2: HR approves the month (it locks) or returns it for recomputation. */
  'settlement:approve': {
    component: NoRectificationInputs,
    schema: NoRectificationDataSchema,
    actions: [],
    actionText: settlementActionText.approve,
  },
  /** each unit head acknowledges the unit's quarterly results (no data). */
  'quarterly-assessment:feedback': {
    component: NoStageInputs,
    schema: NoDataSchema,
    actions: [],
    actionText: { approve: { label: 'qf.quarterly.ack' } },
  },
  /** S-10: the lead's score table in the panel submits the scores and completes the task; a bare 同意 would carry none. */
  'star-review:scores': { component: NoStageInputs, schema: NoDataSchema, actions: [], hidden: ['approve'] },
};

export const stageFormFor = (task: Pick<TaskView, 'kind' | 'stage'>): StageFormDef | undefined =>
  stageForms[`${task.kind}:${task.stage}`];
