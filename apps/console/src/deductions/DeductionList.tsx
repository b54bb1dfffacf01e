import {
  Datagrid,
  FunctionField,
  List,
  Link,
  ReferenceInput,
  AutocompleteInput,
  SearchInput,
  TextInput,
  SelectInput,
  useTranslate,
} from 'react-admin';
import { MoneyField, PointsField } from '../components/fields';
import { employeeText } from '../complaints/RulingForm';

interface LedgerRow {
  id: string;
  employeeId: string;
  employeeName: string;
  employeeCode?: string;
  month: string;
  caseId?: string | null;
  caseTitle?: string | null;
  caseKind?: string | null;
  source?: string;
  reason: string;
}

const SOURCES = ['complaint', 'repair-star', 'star-award', 'star-pay', 'perception', 'kpi', 'kpi-fine', 'ledger'];

const filters = (translate: (k: string) => string) => [
  <SearchInput key="q" source="q" alwaysOn placeholder={translate('qf.complaint.ledger_search')} />,
  <ReferenceInput key="employeeId" source="employeeId" reference="employees">
    <AutocompleteInput optionText={employeeText} label="resources.deductions.fields.employeeName" />
  </ReferenceInput>,
  <TextInput key="month" source="month" alwaysOn placeholder={translate('qf.common.month_example')} />,
  <SelectInput
    key="source"
    source="source"
    choices={SOURCES.map((id) => ({ id, name: `qf.complaint.ledger_source.${id}` }))}
  />,
];

const CaseLink = ({ r }: { r: LedgerRow }) => {
  const translate = useTranslate();
  if (!r.caseId) return <span>—</span>;
  const to =
    r.caseKind === 'complaint'
      ? `/complaints/${encodeURIComponent(r.caseId)}/show`
      : `/cases/${encodeURIComponent(r.caseId)}/show`;
  return (
    <Link to={to} onClick={(e: { stopPropagation(): void }) => e.stopPropagation()}>
      {r.caseTitle || translate('qf.task.open_case')}
    </Link>
  );
};

const Reason = ({ r }: { r: LedgerRow }) => {
  const translate = useTranslate();
  return <span>{translate(`qf.complaint.reason.${r.reason}`, { _: r.reason })}</span>;
};

// The ledger is append-only (H-2): no edit, create or delete here.
export const DeductionList = () => {
  const translate = useTranslate();
  return (
    <List filters={filters(translate)} sort={{ field: 'month', order: 'DESC' }} perPage={25} exporter={false}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <FunctionField
          source="employeeName"
          render={(r: LedgerRow) => (r.employeeCode ? `${r.employeeName}（${r.employeeCode}）` : r.employeeName)}
        />
        <FunctionField source="month" render={(r: LedgerRow) => r.month} />
        <FunctionField source="caseId" sortable={false} render={(r: LedgerRow) => <CaseLink r={r} />} />
        <FunctionField source="reason" sortable={false} render={(r: LedgerRow) => <Reason r={r} />} />
        <PointsField source="points" />
        <MoneyField source="moneyFen" sortable={false} />
      </Datagrid>
    </List>
  );
};
