import {
  AutocompleteInput,
  DateInput,
  NumberInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  required,
} from 'react-admin';
import { employmentTypeChoices } from '../components/choices';

// O-1: every employee has a unit, post, post bonus, hire date, job type, employment type and reporting chain.
// The post bonus is stored in fen and edited in yuan.
export const EmployeeForm = () => (
  <SimpleForm>
    <TextInput source="name" validate={required()} />
    <ReferenceInput source="unitId" reference="org-units">
      <AutocompleteInput optionText="name" validate={required()} />
    </ReferenceInput>
    <TextInput source="post" validate={required()} />
    <NumberInput
      source="postBonusFen"
      min={0}
      step={1}
      format={(v) => (typeof v === 'number' ? v / 100 : v)}
      parse={(v) => (v === '' || v === null || v === undefined ? null : Math.round(Number(v) * 100))}
      validate={required()}
    />
    <DateInput source="hireDate" validate={required()} />
    <TextInput source="jobType" />
    <SelectInput source="employmentType" choices={employmentTypeChoices} validate={required()} />
    <ReferenceInput source="supervisorId" reference="employees">
      <AutocompleteInput optionText="name" />
    </ReferenceInput>
    <ReferenceInput source="vpId" reference="employees">
      <AutocompleteInput optionText="name" />
    </ReferenceInput>
  </SimpleForm>
);
