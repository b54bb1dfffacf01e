import DoneIcon from '@mui/icons-material/TaskAlt';
import FlowIcon from '@mui/icons-material/AccountTree';
import type { CaseView, TaskView } from '@qf/contracts/cases';
import { lazyView } from '../components/lazy';

const DoneTaskList = lazyView(() => import('./DoneTaskList'), 'DoneTaskList');
const MyCaseList = lazyView(() => import('./MyCaseList'), 'MyCaseList');

/** 已办 (issue 17): the tasks I decided; rows open the task page. */
export const doneTasks = {
  list: DoneTaskList,
  icon: DoneIcon,
  recordRepresentation: (t: TaskView) => `${t.stageLabel} · ${t.caseTitle}`,
};

/** 我的流程 (issue 17): the cases I started or am named in; rows open the case page. */
export const myCases = {
  list: MyCaseList,
  icon: FlowIcon,
  recordRepresentation: (c: CaseView) => c.title,
};
