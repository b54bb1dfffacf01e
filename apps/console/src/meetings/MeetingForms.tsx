import { Alert } from '@mui/material';
import {
  Create,
  DateTimeInput,
  Edit,
  Labeled,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  EditButton,
  SaveButton,
  Toolbar,
  required,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { hasRole, MEETING_EDITORS } from '../authProvider/access';
import { DateTimeField } from '../components/fields';
import { toMeetingInput, type MeetingRecord } from './model';

/** Moving a meeting moves the due date of every open rectification tied to it (the api does it). */
const RescheduleNote = () => {
  const record = useRecordContext<MeetingRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const n = typeof record.openCount === 'number' ? record.openCount : null;
  return (
    <Alert severity="info" sx={{ mb: 2 }} data-testid="meeting-reschedule-note">
      {n === null
        ? translate('qf.meeting.reschedule_note_generic')
        : translate('qf.meeting.reschedule_note', { n, smart_count: n })}
    </Alert>
  );
};

/** The api has no DELETE for meetings. */
const SaveOnly = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

export const MeetingCreate = () => (
  <Create transform={toMeetingInput} redirect="list">
    <SimpleForm>
      <TextInput source="title" validate={required()} fullWidth />
      <DateTimeInput source="scheduledAt" validate={required()} />
    </SimpleForm>
  </Create>
);

export const MeetingEdit = () => (
  <Edit transform={toMeetingInput} mutationMode="pessimistic" redirect="list">
    <SimpleForm toolbar={<SaveOnly />}>
      <RescheduleNote />
      <TextInput source="title" validate={required()} fullWidth />
      <DateTimeInput source="scheduledAt" validate={required()} />
    </SimpleForm>
  </Edit>
);

const ShowActions = () => {
  const { permissions } = usePermissions();
  return <TopToolbar>{hasRole(permissions, MEETING_EDITORS) && <EditButton />}</TopToolbar>;
};

const OpenCount = () => {
  const record = useRecordContext<MeetingRecord>();
  return <span>{typeof record?.openCount === 'number' ? record.openCount : '—'}</span>;
};

/** Read-only view (team leads follow the meeting their rectifications are due at). */
export const MeetingShow = () => (
  <Show actions={<ShowActions />}>
    <SimpleShowLayout>
      <TextField source="title" />
      <Labeled label="resources.meetings.fields.scheduledAt">
        <DateTimeField source="scheduledAt" />
      </Labeled>
      <Labeled label="resources.meetings.fields.openCount">
        <OpenCount />
      </Labeled>
      <Labeled label="resources.meetings.fields.createdAt">
        <DateTimeField source="createdAt" />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
