import {
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  NumberField,
  TopToolbar,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { Box, Typography } from '@mui/material';
import type { StarCampaignView } from '@qf/contracts/stars';
import { hasRole } from '../authProvider/access';
import { DateTimeField } from '../components/fields';
import { PhaseChip } from './chips';
import { LEVELS, num } from './model';

const ListActions = () => {
  const { permissions } = usePermissions();
  // S-1: admins open the year's campaign
  return (
    <TopToolbar>
      {hasRole(permissions, []) && <CreateButton label="qf.star.campaign.create" data-testid="star-campaign-create" />}
    </TopToolbar>
  );
};

const Quotas = ({ record }: { record: StarCampaignView }) => {
  const translate = useTranslate();
  if (!record.quotas) return <span>{translate('qf.star.campaign.no_quotas')}</span>;
  return <span>{LEVELS.map((l) => `${l}★ ${num(record.quotas?.[String(l) as '1' | '2' | '3'])}`).join(' / ')}</span>;
};

const Empty = () => (
  <Box sx={{ p: 2 }}>
    <Typography color="text.secondary">{useTranslate()('qf.star.campaign.empty')}</Typography>
  </Box>
);

/** 星级评定: one campaign a year (S-1). */
export const CampaignList = () => (
  <List sort={{ field: 'year', order: 'DESC' }} perPage={25} exporter={false} actions={<ListActions />} empty={false}>
    <Datagrid bulkActionButtons={false} rowClick="show" empty={<Empty />}>
      <NumberField source="year" options={{ useGrouping: false }} />
      <FunctionField source="phase" sortable={false} render={(r: StarCampaignView) => <PhaseChip phase={r.phase} />} />
      <FunctionField source="headcount" sortable={false} render={(r: StarCampaignView) => num(r.headcount)} />
      <FunctionField source="quotas" sortable={false} render={(r: StarCampaignView) => <Quotas record={r} />} />
      <FunctionField source="ceremonyDate" sortable={false} render={(r: StarCampaignView) => r.ceremonyDate ?? '—'} />
      <DateTimeField source="createdAt" sortable={false} />
    </Datagrid>
  </List>
);
