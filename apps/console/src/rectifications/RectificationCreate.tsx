import {
  AutocompleteInput,
  BooleanInput,
  Create,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  required,
  usePermissions,
} from 'react-admin';
import { canUse } from '../authProvider/access';
import { originChoices } from './model';

/** Only the contract's fields go to `POST /rectifications`; an empty order number is left out. */
const transform = (data: Record<string, unknown>) => {
  const orderNo = typeof data.orderNo === 'string' ? data.orderNo.trim() : '';
  return {
    origin: data.origin,
    teamUnitId: data.teamUnitId,
    description: typeof data.description === 'string' ? data.description.trim() : data.description,
    internal: data.internal === true,
    ...(orderNo ? { orderNo } : {}),
  };
};

/**
 * Admins, managers and dispatchers open a rectification for a team. Dispatchers do not see the board,
 * so they land on the new case instead (the record id is the case id).
 */
export const RectificationCreate = () => {
  const { permissions } = usePermissions();
  const seesBoard = canUse(permissions, 'rectifications');
  return (
    <Create
      title="qf.rectification.create_title"
      transform={transform}
      redirect={(_resource, id) =>
        id == null
          ? 'rectifications'
          : seesBoard
            ? `rectifications/${encodeURIComponent(String(id))}/show`
            : `cases/${encodeURIComponent(String(id))}/show`
      }
    >
      <SimpleForm defaultValues={{ internal: false }}>
        <SelectInput source="origin" choices={originChoices} validate={required()} />
        <ReferenceInput
          source="teamUnitId"
          reference="org-units"
          filter={{ kind: 'team' }}
          sort={{ field: 'name', order: 'ASC' }}
        >
          <AutocompleteInput optionText="name" validate={required()} sx={{ minWidth: 280 }} />
        </ReferenceInput>
        <TextInput source="orderNo" />
        <TextInput source="description" multiline minRows={4} fullWidth validate={required()} />
        <BooleanInput source="internal" helperText="qf.rectification.internal_help" />
      </SimpleForm>
    </Create>
  );
};
