import {
  BooleanInput,
  CreateButton,
  Datagrid,
  ExportButton,
  FilterButton,
  List,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
  TopToolbar,
} from 'react-admin';
import type { CaseView } from '@qf/contracts/cases';
import { caseStatusChoices, kindChoices } from '../components/choices';
import { DateTimeField, TemporalLinkField, WaitingOnField } from '../components/fields';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
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

export const CaseList = () => (
  <List filters={filters} actions={<Actions />} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false} rowSx={(r) => (isOverdue(r as CaseView) ? { bgcolor: 'rgba(211,47,47,0.08)' } : {})}>
      <TextField source="businessKey" />
      <TextField source="title" />
      <SelectField source="kind" choices={kindChoices} />
      <SelectField source="status" choices={caseStatusChoices} />
      <TextField source="stage" emptyText="—" />
      <WaitingOnField source="waitingOn" sortable={false} />
      <DateTimeField source="dueAt" />
      <DateTimeField source="createdAt" />
      <TemporalLinkField source="temporalUrl" sortable={false} />
    </Datagrid>
  </List>
);
