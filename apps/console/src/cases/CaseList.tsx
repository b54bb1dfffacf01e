import {
  BooleanInput,
  CreateButton,
  Datagrid,
  ExportButton,
  FilterButton,
  FunctionField,
  List,
  SelectField,
  SelectInput,
  TextField,
  TopToolbar,
  usePermissions,
} from 'react-admin';
import type { CaseView } from '@qf/contracts/cases';
import { caseStatusChoices, kindChoices } from '../components/choices';
import { DateTimeField, TemporalLinkField, WaitingOnField } from '../components/fields';
import { displayKey, useCaseLabels } from './labels';
import { SearchQ } from '../tasks/SearchQ';

/** `q`: 工单号, customer, employee name or 工号, title (api filter q). */
const filters = [
  <SearchQ key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={caseStatusChoices} alwaysOn />,
  <SelectInput key="kind" source="kind" choices={kindChoices} />,
  <BooleanInput key="overdue" source="overdue" />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ExportButton />
  </TopToolbar>
);

const isOverdue = (r: CaseView) => r.status === 'open' && !!r.dueAt && new Date(r.dueAt).getTime() < Date.now();

/** Sortable columns are exactly the api's (CASE_SORT in apps/api/src/cases/cases.controller.ts). */
export const CaseList = () => {
  const labels = useCaseLabels();
  const { permissions } = usePermissions<string[]>();
  const admin = Array.isArray(permissions) && permissions.includes('admin');
  return (
    <List filters={filters} actions={<Actions />} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25}>
      <Datagrid
        rowClick="show"
        bulkActionButtons={false}
        rowSx={(r) => (isOverdue(r as CaseView) ? { bgcolor: 'rgba(211,47,47,0.08)' } : {})}
      >
        <FunctionField source="businessKey" render={(c: CaseView) => displayKey(c) ?? '—'} />
        <TextField source="title" />
        <SelectField source="kind" choices={kindChoices} />
        <SelectField source="status" choices={caseStatusChoices} />
        <FunctionField
          source="stage"
          sortable={false}
          render={(c: CaseView) => (c.stage ? labels.stage(c.kind, c.stage) : labels.outcome(c.outcome))}
        />
        <WaitingOnField source="waitingOn" sortable={false} />
        <DateTimeField source="dueAt" />
        <DateTimeField source="createdAt" />
        {admin && <TemporalLinkField source="temporalUrl" sortable={false} />}
      </Datagrid>
    </List>
  );
};
