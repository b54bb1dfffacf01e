import { Chip } from '@mui/material';
import {
  BooleanInput,
  Datagrid,
  FunctionField,
  List,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
  useTranslate,
} from 'react-admin';
import type { TaskView } from '@qf/contracts/cases';
import { kindChoices, taskStatusChoices } from '../components/choices';
import { DateTimeField } from '../components/fields';
import { useCaseLabels } from '../cases/labels';

/** `q`: 工单号, customer, employee name or 工号, case title (api filter q). */
const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="qf.case_ui.search" sx={{ minWidth: 320 }} />,
  <BooleanInput key="mine" source="mine" alwaysOn />,
  <SelectInput key="status" source="status" choices={taskStatusChoices} alwaysOn />,
  <BooleanInput key="overdue" source="overdue" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={kindChoices} />,
];

export const OVERDUE_SX = { bgcolor: 'rgba(211,47,47,0.08)', '& td': { color: 'error.main' } };

/** The 任务 inbox. Sortable columns are exactly the api's (TASK_SORT in apps/api/src/cases/cases.controller.ts). */
export const TaskList = () => {
  const translate = useTranslate();
  const labels = useCaseLabels();
  return (
    <List
      filters={filters}
      filterDefaultValues={{ mine: true, status: 'open' }}
      sort={{ field: 'dueAt', order: 'ASC' }}
      perPage={25}
    >
      <Datagrid rowClick="show" bulkActionButtons={false} rowSx={(r) => ((r as TaskView).overdue ? OVERDUE_SX : {})}>
        <TextField source="caseTitle" />
        <FunctionField
          source="stageLabel"
          sortBy="stage"
          render={(t: TaskView) => labels.stage(t.kind, t.stage, t.stageLabel)}
        />
        <SelectField source="kind" choices={kindChoices} />
        <FunctionField
          source="assigneeRole"
          label="qf.task.assignee"
          sortable={false}
          render={(t: TaskView) => t.claimedByName ?? t.assigneeName ?? labels.role(t.assigneeRole)}
        />
        <SelectField source="status" choices={taskStatusChoices} />
        <DateTimeField source="dueAt" />
        <FunctionField
          source="overdue"
          sortable={false}
          render={(t: TaskView) =>
            t.overdue ? <Chip size="small" color="error" label={translate('qf.task.overdue')} /> : null
          }
        />
        <DateTimeField source="createdAt" />
      </Datagrid>
    </List>
  );
};
