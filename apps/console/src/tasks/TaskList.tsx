import { Chip } from '@mui/material';
import {
  BooleanInput,
  Datagrid,
  FunctionField,
  List,
  SelectField,
  SelectInput,
  TextField,
  TextInput,
  useTranslate,
} from 'react-admin';
import type { TaskView } from '@qf/contracts/cases';
import { kindChoices, taskStatusChoices } from '../components/choices';
import { DateTimeField } from '../components/fields';

const filters = [
  <BooleanInput key="mine" source="mine" alwaysOn />,
  <SelectInput key="status" source="status" choices={taskStatusChoices} alwaysOn />,
  <BooleanInput key="overdue" source="overdue" alwaysOn />,
  <TextInput key="caseId" source="caseId" />,
];

export const OVERDUE_SX = { bgcolor: 'rgba(211,47,47,0.08)', '& td': { color: 'error.main' } };

export const TaskList = () => {
  const translate = useTranslate();
  return (
    <List
      filters={filters}
      filterDefaultValues={{ mine: true, status: 'open' }}
      sort={{ field: 'dueAt', order: 'ASC' }}
      perPage={25}
    >
      <Datagrid rowClick="show" bulkActionButtons={false} rowSx={(r) => ((r as TaskView).overdue ? OVERDUE_SX : {})}>
        <TextField source="caseTitle" />
        <TextField source="stageLabel" />
        <SelectField source="kind" choices={kindChoices} />
        <FunctionField
          source="assigneeRole"
          render={(t: TaskView) => (t.assigneeRole ? translate(`qf.roles.${t.assigneeRole}`, { _: t.assigneeRole }) : '—')}
        />
        <SelectField source="status" choices={taskStatusChoices} />
        <DateTimeField source="dueAt" />
        <FunctionField
          source="overdue"
          render={(t: TaskView) =>
            t.overdue ? <Chip size="small" color="error" label={translate('qf.task.overdue')} /> : null
          }
        />
        <DateTimeField source="createdAt" />
      </Datagrid>
    </List>
  );
};
