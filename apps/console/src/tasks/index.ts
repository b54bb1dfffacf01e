import Icon from '@mui/icons-material/Inbox';
import type { TaskView } from '@qf/contracts/cases';
import { lazyView } from '../components/lazy';

const TaskList = lazyView(() => import('./TaskList'), 'TaskList');
const TaskShow = lazyView(() => import('./TaskShow'), 'TaskShow');

export default {
  list: TaskList,
  show: TaskShow,
  icon: Icon,
  recordRepresentation: (t: TaskView) => `${t.stageLabel} · ${t.caseTitle}`,
};
