import {
  AutocompleteInput,
  Create,
  DateTimeInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useTranslate,
} from 'react-admin';
import { ORDER_KINDS } from './model';

const T = 'qf.orders';

/** 热线受理工单 (K-1): the order starts at the hotline; its deadlines follow from its kind (K-2). */
export const ServiceOrderCreate = () => {
  const translate = useTranslate();
  return (
    <Create
      title={translate(`${T}.create_title`)}
      redirect="show"
      transform={(d: Record<string, unknown>) => ({
        ...d,
        acceptedAt: d.acceptedAt ? new Date(String(d.acceptedAt)).toISOString() : undefined,
        note: d.note || undefined,
      })}
    >
      <SimpleForm>
        <TextInput source="orderNo" validate={required()} />
        <SelectInput
          source="kind"
          validate={required()}
          defaultValue="ordinary"
          choices={ORDER_KINDS.map((id) => ({ id, name: `${T}.kind.${id}` }))}
        />
        <ReferenceInput source="unitId" reference="org-units">
          <AutocompleteInput optionText="name" validate={required()} />
        </ReferenceInput>
        <DateTimeInput source="acceptedAt" helperText={`${T}.accepted_help`} />
        <TextInput source="note" multiline minRows={2} />
      </SimpleForm>
    </Create>
  );
};
