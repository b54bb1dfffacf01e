import { Card, CardContent } from '@mui/material';
import { Show, TopToolbar, usePermissions, useRecordContext } from 'react-admin';
import { hasRole } from '../authProvider';
import { MoveButton, TrackButton } from './OrderActions';
import { OrderDetails } from './OrderDetails';
import type { ServiceOrderRecord } from './model';

const Actions = () => {
  const order = useRecordContext<ServiceOrderRecord>();
  const { permissions } = usePermissions();
  if (!order) return null;
  return (
    <TopToolbar>
      {hasRole(permissions, ['dispatcher', 'manager', 'team-lead']) && <MoveButton order={order} />}
      {hasRole(permissions, ['dispatcher', 'manager', 'team-lead']) && <TrackButton order={order} />}
    </TopToolbar>
  );
};

const Body = () => {
  const order = useRecordContext<ServiceOrderRecord>();
  if (!order) return null;
  return (
    <Card variant="outlined">
      <CardContent>
        <OrderDetails order={order} />
      </CardContent>
    </Card>
  );
};

/** One order: facts, deadlines, lateness, moves and tracking lines, with the move and tracking actions. */
export const ServiceOrderShow = () => (
  <Show actions={<Actions />}>
    <Body />
  </Show>
);
