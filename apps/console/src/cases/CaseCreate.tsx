import { Create, SimpleForm, TextInput } from 'react-admin';
import { CreateCaseSchema } from '@qf/contracts/cases';
import { zodValidate } from '../components/zodValidate';

// A minimal generic "review" case; the flow definition decides its stages.
export const CaseCreate = () => (
  <Create redirect="show">
    <SimpleForm validate={zodValidate(CreateCaseSchema)}>
      <TextInput source="title" fullWidth />
      <TextInput source="description" multiline minRows={4} fullWidth />
    </SimpleForm>
  </Create>
);
