import { keyed } from '../components/choices';
import { ASSIGNEE_KINDS, ASSIGNMENTS, MODE_KINDS, RELATIONS, TASK_ACTIONS } from './model';

export { versionStatusChoices as flowStatusChoices } from '../components/choices';
export const assigneeKindChoices = keyed(ASSIGNEE_KINDS, 'qf.flow.assignee_kind');
export const relationChoices = keyed(RELATIONS, 'qf.flow.relation');
export const assignmentChoices = keyed(ASSIGNMENTS, 'qf.flow.assignment');
export const modeChoices = keyed(MODE_KINDS, 'qf.flow.mode');
export const actionChoices = keyed(TASK_ACTIONS, 'qf.actions');
