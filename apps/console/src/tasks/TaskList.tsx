import { useState } from 'react';
import { Chip } from '@mui/material';
import type { BatchApproveFailure } from '@qf/contracts/cases';
import {
  BooleanInput,
  Datagrid,
  FunctionField,
  List,
  SelectField,
  SelectInput,
  SimpleList,
  TextField,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import type { TaskView } from '@qf/contracts/cases';
import { kindChoices, taskStatusChoices } from '../components/choices';
import { DateTimeField } from '../components/fields';
import { formatDateTime } from '../components/format';
import { useCaseLabels } from '../cases/labels';
import { SearchQ } from './SearchQ';
import { usePhone } from '../layout/usePhone';
import { BatchApproveButton, BatchFailures, isBatchApprovable } from './BatchApprove';

/** `q`: 工单号, customer, employee name or 工号, case title (api filter q). */
const filters = [
  <SearchQ key="q" source="q" alwaysOn />,
  <BooleanInput key="mine" source="mine" alwaysOn />,
  <SelectInput key="status" source="status" choices={taskStatusChoices} alwaysOn />,
  <BooleanInput key="overdue" source="overdue" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={kindChoices} />,
];

export const OVERDUE_SX = { bgcolor: 'rgba(211,47,47,0.08)', '& td': { color: 'error.main' } };

/** Phones (issue 17): one task as a card (react-admin's SimpleList instead of the table): the case, what it waits for (the stage), the due time; overdue ones marked. */
const TaskCards = () => {
  const translate = useTranslate();
  const labels = useCaseLabels();
  const [locale] = useLocaleState();
  return (
    <SimpleList<TaskView>
      linkType="show"
      primaryText={(t) => t.caseTitle}
      secondaryText={(t) =>
        translate('qf.inbox.card_line', {
          stage: labels.stage(t.kind, t.stage, t.stageLabel),
          due: t.dueAt ? formatDateTime(t.dueAt, locale) : '—',
        })
      }
      tertiaryText={(t) =>
        t.overdue ? <Chip size="small" color="error" label={translate('qf.task.overdue')} /> : null
      }
      rowSx={(t) => (t.overdue ? { bgcolor: 'rgba(211,47,47,0.08)' } : {})}
    />
  );
};

/**
 * The 待办 inbox: mine and my roles' unclaimed tasks, open, the earliest due (so the overdue ones) first. Sortable
 * columns are exactly the api's (TASK_SORT in apps/api/src/cases/tasks.controller.ts). Tasks of a stage whose flow
 * allows it are selectable for 批量同意.
 */
export const TaskList = () => {
  const translate = useTranslate();
  const labels = useCaseLabels();
  const phone = usePhone();
  const [failed, setFailed] = useState<BatchApproveFailure[] | null>(null);
  return (
    <List
      filters={filters}
      filterDefaultValues={{ mine: true, status: 'open' }}
      sort={{ field: 'dueAt', order: 'ASC' }}
      perPage={25}
    >
      <BatchFailures failed={failed} onClose={() => setFailed(null)} />
      {phone ? (
        <TaskCards />
      ) : (
        <Datagrid
          rowClick="show"
          bulkActionButtons={<BatchApproveButton onFailed={setFailed} />}
          isRowSelectable={(r) => isBatchApprovable(r as TaskView)}
          rowSx={(r) => ((r as TaskView).overdue ? OVERDUE_SX : {})}
        >
          <TextField source="caseTitle" />
          <FunctionField
            source="stageLabel"
            label="qf.inbox.waits_for"
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
      )}
    </List>
  );
};
