import { EditButton, TopToolbar, usePermissions, useRecordContext } from 'react-admin';
import { hasRole } from '../authProvider/access';
import { NewDraftButton } from './NewDraftButton';
import { PublishButton } from './PublishButton';

/** Show-page toolbar of a versioned record (flows, policies): edit and publish a draft; start a new draft from any version. */
export const VersionShowActions = <R extends { id: string | number; status: string }>({ resource, payload }: { resource: 'flows' | 'policies'; payload: (r: R) => Record<string, unknown> }) => {
  const record = useRecordContext<R>();
  const { permissions } = usePermissions();
  if (!record || !hasRole(permissions, [])) return <TopToolbar />;
  return (
    <TopToolbar>
      {record.status === 'draft' && <EditButton />}
      {record.status === 'draft' && <PublishButton resource={resource} />}
      <NewDraftButton<R> resource={resource} payload={payload} />
    </TopToolbar>
  );
};
