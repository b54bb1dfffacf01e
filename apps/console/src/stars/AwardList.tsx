import {
  AutocompleteInput,
  Create,
  Datagrid,
  FunctionField,
  List,
  NumberField,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  useTranslate,
} from 'react-admin';
import { personLabel } from './texts';

/** S-2: kinds that open the direct path to 2 stars (policy stars.directTwoStarAwards). */
const KINDS = ['company-award', 'advanced-individual'] as const;

const KindText = ({ kind }: { kind: string }) => {
  const translate = useTranslate();
  return <>{translate(`qf.star.award_kind.${kind}`, { _: kind })}</>;
};

/** 获奖记录: company awards and advanced-individual titles (S-2). */
export const AwardList = () => (
  <List sort={{ field: 'year', order: 'DESC' }} perPage={25} exporter={false}>
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <FunctionField
        source="employeeName"
        sortable={false}
        render={(r: { employeeName?: string; employeeCode?: string }) => personLabel(r.employeeName, r.employeeCode)}
      />
      <FunctionField source="kind" sortable={false} render={(r: { kind: string }) => <KindText kind={r.kind} />} />
      <NumberField source="year" options={{ useGrouping: false }} />
    </Datagrid>
  </List>
);

export const AwardCreate = () => {
  const translate = useTranslate();
  return (
    <Create redirect="list">
      <SimpleForm defaultValues={{ kind: 'company-award', year: new Date().getFullYear() }}>
        <ReferenceInput source="employeeId" reference="employees" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput
            optionText={(e: { name?: string; code?: string }) => [e.name, e.code].filter(Boolean).join(' · ')}
            validate={required()}
            sx={{ minWidth: 320 }}
            data-testid="award-employee"
          />
        </ReferenceInput>
        <SelectInput
          source="kind"
          choices={KINDS.map((k) => ({ id: k, name: translate(`qf.star.award_kind.${k}`) }))}
          validate={required()}
        />
        <NumberInput source="year" validate={required()} min={2000} max={2100} />
      </SimpleForm>
    </Create>
  );
};
