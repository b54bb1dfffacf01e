import {
  AutocompleteArrayInput,
  AutocompleteInput,
  Create,
  DateTimeInput,
  FormDataConsumer,
  ReferenceArrayInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { escalationLevelChoices, sourceChoices } from '../components/choices';
import { zodValidate } from '../components/zodValidate';
import { CreateComplaintFormSchema } from './schemas';

const toIso = (v: unknown) => (v instanceof Date ? v.toISOString() : typeof v === 'string' && v ? new Date(v).toISOString() : v);

// C-1: registering a complaint starts its workflow; the api answers with the new complaint.
const transform = (values: Record<string, unknown>) => ({
  ...values,
  occurredAt: toIso(values.occurredAt),
  employeeIds: values.employeeIds ?? [],
  escalationLevel: values.source === 'escalated-order' ? (values.escalationLevel ?? 1) : undefined,
});

export const ComplaintCreate = () => (
  <Create redirect="show" transform={transform}>
    <SimpleForm validate={zodValidate(CreateComplaintFormSchema)} defaultValues={{ employeeIds: [] }}>
      <SelectInput source="source" choices={sourceChoices} />
      <FormDataConsumer>
        {({ formData }) =>
          formData.source === 'escalated-order' ? (
            <SelectInput source="escalationLevel" choices={escalationLevelChoices} defaultValue={1} />
          ) : null
        }
      </FormDataConsumer>
      <TextInput source="customer" fullWidth />
      <TextInput source="channel" fullWidth />
      <DateTimeInput source="occurredAt" />
      <TextInput source="description" multiline minRows={4} fullWidth />
      <ReferenceInput source="unitId" reference="org-units">
        <AutocompleteInput optionText="name" fullWidth />
      </ReferenceInput>
      <ReferenceArrayInput source="employeeIds" reference="employees">
        <AutocompleteArrayInput optionText="name" fullWidth />
      </ReferenceArrayInput>
    </SimpleForm>
  </Create>
);
