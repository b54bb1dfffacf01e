import { CreateButton, Datagrid, FunctionField, List, TextField, TopToolbar, usePermissions } from 'react-admin';
import { hasRole, MEETING_EDITORS } from '../authProvider/access';
import { DateTimeField } from '../components/fields';
import type { MeetingRecord } from './model';

const ListActions = () => {
  const { permissions } = usePermissions();
  return <TopToolbar>{hasRole(permissions, MEETING_EDITORS) && <CreateButton />}</TopToolbar>;
};

export const MeetingList = () => {
  const { permissions } = usePermissions();
  const canEdit = hasRole(permissions, MEETING_EDITORS);
  return (
    <List sort={{ field: 'scheduledAt', order: 'DESC' }} perPage={25} exporter={false} actions={<ListActions />}>
      <Datagrid rowClick={canEdit ? 'edit' : 'show'} bulkActionButtons={false}>
        <TextField source="title" />
        <DateTimeField source="scheduledAt" />
        <FunctionField
          source="openCount"
          sortable={false}
          textAlign="right"
          render={(r: MeetingRecord) => (typeof r.openCount === 'number' ? r.openCount : '—')}
        />
        <DateTimeField source="createdAt" sortable={false} />
      </Datagrid>
    </List>
  );
};
