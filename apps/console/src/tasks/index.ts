import Icon from '@mui/icons-material/Inbox';
import type { TaskView } from '@qf/contracts/cases';
import { TaskList } from './TaskList';
import { TaskShow } from './TaskShow';

export { TaskActions } from './TaskActions';
export { stageForms, stageFormFor, type StageFormDef } from './stageForms';
export { decisionPanels, decisionPanelFor, type DecisionPanel } from './decisionPanels';

export default {
  list: TaskList,
  show: TaskShow,
  icon: Icon,
  recordRepresentation: (t: TaskView) => `${t.stageLabel} · ${t.caseTitle}`,
};
