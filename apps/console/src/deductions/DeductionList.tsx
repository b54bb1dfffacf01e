import { Datagrid, List, TextField, TextInput, Link, useRecordContext } from 'react-admin';
import { MoneyField, PointsField } from '../components/fields';

const filters = [
  <TextInput key="employeeId" source="employeeId" alwaysOn />,
  <TextInput key="month" source="month" alwaysOn placeholder="YYYY-MM" />,
  <TextInput key="caseId" source="caseId" />,
];

const CaseLink = () => {
  const r = useRecordContext<{ caseId?: string }>();
  return r?.caseId ? (
    <Link to={`/cases/${encodeURIComponent(r.caseId)}/show`} onClick={(e: { stopPropagation(): void }) => e.stopPropagation()}>
      {r.caseId}
    </Link>
  ) : (
    <span>—</span>
  );
};

// The ledger is append-only (H-2): no edit, create or delete here.
export const DeductionList = () => (
  <List filters={filters} sort={{ field: 'month', order: 'DESC' }} perPage={25} exporter={false}>
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <TextField source="employeeName" />
      <TextField source="employeeId" />
      <TextField source="month" />
      <CaseLink />
      <TextField source="reason" />
      <PointsField source="points" />
      <MoneyField source="moneyFen" />
    </Datagrid>
  </List>
);

