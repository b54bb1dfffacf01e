import {
  AutocompleteInput,
  BooleanInput,
  CreateButton,
  Datagrid,
  FilterButton,
  FunctionField,
  List,
  ReferenceInput,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { caseStatusChoices, severityChoices, sourceChoices } from '../components/choices';
import { DateTimeField } from '../components/fields';
import { useCaseLabels } from '../cases/labels';
import { employeeText } from './RulingForm';
import { personName, type ComplaintView } from './shared';

const filters = (translate: (k: string) => string) => [
  <SearchInput
    key="q"
    source="q"
    alwaysOn
    placeholder={translate('qf.complaint.search_placeholder')}
    sx={{ minWidth: 320 }}
  />,
  <SelectInput key="status" source="status" choices={caseStatusChoices} alwaysOn />,
  <SelectInput key="source" source="source" choices={sourceChoices} />,
  <SelectInput
    key="severity"
    source="severity"
    choices={severityChoices}
    label="resources.complaints.fields.severity"
  />,
  <ReferenceInput key="unitId" source="unitId" reference="org-units">
    <AutocompleteInput optionText="name" label="resources.complaints.fields.unitId" />
  </ReferenceInput>,
  <ReferenceInput key="employeeId" source="employeeId" reference="employees">
    <AutocompleteInput optionText={employeeText} label="resources.complaints.fields.employeeFilter" />
  </ReferenceInput>,
  <TextInput key="month" source="month" placeholder={translate('qf.common.month_example')} />,
  <BooleanInput key="overdue" source="overdue" />,
];

const StageText = ({ r }: { r: ComplaintView }) => {
  const translate = useTranslate();
  const labels = useCaseLabels();
  // the case's catalogue knows every place a complaint waits, the appeal window without a stage included
  if (r.stage) return <span>{labels.stage('complaint', r.stage)}</span>;
  if (r.outcome) return <span>{translate(`qf.complaint.outcome.${r.outcome}`, { _: r.outcome })}</span>;
  return <span>—</span>;
};

export const ComplaintList = () => {
  const translate = useTranslate();
  return (
    <List
      filters={filters(translate)}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      actions={
        <TopToolbar>
          <FilterButton />
          <CreateButton />
        </TopToolbar>
      }
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <DateTimeField source="createdAt" />
        <SelectField source="source" choices={sourceChoices} sortable={false} />
        <TextField source="workOrderNo" emptyText="—" sortable={false} />
        <TextField source="customer" sortable={false} />
        <FunctionField
          source="employeeIds"
          sortable={false}
          render={(r: ComplaintView) => (r.employeeIds ?? []).map((id) => personName(r.people, id)).join('、') || '—'}
        />
        <TextField source="channel" sortable={false} />
        <DateTimeField source="occurredAt" sortable={false} />
        <SelectField source="status" choices={caseStatusChoices} />
        <FunctionField source="stage" sortable={false} render={(r: ComplaintView) => <StageText r={r} />} />
      </Datagrid>
    </List>
  );
};
