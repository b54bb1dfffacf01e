import { Box, Chip, Typography } from '@mui/material';
import {
  AutocompleteInput,
  Datagrid,
  FunctionField,
  List,
  ReferenceInput,
  TextField,
  usePermissions,
  useTranslate,
} from 'react-admin';
import type { StarHistoryView } from '@qf/contracts/stars';
import { hasRole } from '../authProvider/access';
import { tokenStore } from '../authProvider/tokenStore';
import { DateTimeField } from '../components/fields';
import { KindChip, LevelChange } from './HistoryTable';
import { personLabel, useStarText } from './texts';

const Reason = ({ reason }: { reason?: string | null }) => <span>{useStarText()(reason) || '—'}</span>;

/** Roles that look at other people's history; everyone else starts on their own (the api scopes rows anyway). */
const READS_OTHERS = ['hr', 'committee', 'leadership', 'team-lead'] as const;

const filters = [
  <ReferenceInput
    key="employeeId"
    source="employeeId"
    reference="employees"
    sort={{ field: 'name', order: 'ASC' }}
    alwaysOn
  >
    <AutocompleteInput
      optionText={(e: { name?: string; code?: string }) => personLabel(e.name, e.code)}
      label="resources.star-history.fields.employeeId"
      sx={{ minWidth: 240 }}
      data-testid="star-history-employee"
    />
  </ReferenceInput>,
];

const Empty = () => (
  <Box sx={{ p: 2 }}>
    <Typography color="text.secondary">{useTranslate()('qf.star.holder.no_history')}</Typography>
  </Box>
);

/** 星级记录 (read-only): awards, lowerings, revocations and immediate demotions (S-9, S-11), by employee. */
export const HistoryList = () => {
  const { permissions } = usePermissions();
  const own = tokenStore.user?.employeeId;
  const defaults = !hasRole(permissions, READS_OTHERS) && own ? { employeeId: own } : {};
  return (
    <List
      filters={filters}
      filterDefaultValues={defaults}
      sort={{ field: 'at', order: 'DESC' }}
      perPage={25}
      exporter={false}
      empty={false}
    >
      <Datagrid bulkActionButtons={false} rowClick={false} empty={<Empty />}>
        <DateTimeField source="at" />
        <FunctionField
          source="employeeName"
          sortable={false}
          render={(r: StarHistoryView) => personLabel(r.employeeName, r.employeeCode)}
        />
        <FunctionField source="kind" sortable={false} render={(r: StarHistoryView) => <KindChip kind={r.kind} />} />
        <FunctionField
          source="change"
          sortable={false}
          render={(r: StarHistoryView) => <LevelChange from={r.fromLevel} to={r.toLevel} />}
        />
        <TextField source="effectiveFrom" emptyText="—" />
        <FunctionField source="reason" sortable={false} render={(r: StarHistoryView) => <Reason reason={r.reason} />} />
        <FunctionField
          source="rule"
          sortable={false}
          render={(r: StarHistoryView) => (r.rule ? <Chip size="small" variant="outlined" label={r.rule} /> : '—')}
        />
      </Datagrid>
    </List>
  );
};
