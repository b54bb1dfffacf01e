import type { MouseEvent } from 'react';
import { Box, Chip, Stack, Typography } from '@mui/material';
import {
  AutocompleteInput,
  CreateButton,
  Datagrid,
  FilterButton,
  FunctionField,
  Link,
  List,
  ReferenceInput,
  SelectInput,
  TopToolbar,
  useLocaleState,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { hasRole, RECTIFICATION_CREATORS } from '../authProvider/access';
import { useWaitingOnLabel } from '../components/fields';
import { formatDateTime } from '../components/format';
import { LateChip, OriginLabel, OverdueChip, StatusChip } from './chips';
import { meetingUrl, rectificationStatusChoices, type RectificationRecord } from './model';
import { Summary } from './Summary';

/** A toggle filter shown as a chip: present = true, removed = no filter (demo's QuickFilter). */
const QuickFilter = ({ label }: { label: string; source: string; defaultValue: unknown }) => (
  <Chip sx={{ mb: 1 }} label={useTranslate()(label)} />
);

const filters = [
  <SelectInput key="status" source="status" choices={rectificationStatusChoices} alwaysOn />,
  <QuickFilter key="overdue" source="overdue" label="qf.rectification.overdue" defaultValue={true} />,
  <QuickFilter
    key="dueThisWeek"
    source="dueThisWeek"
    label="qf.rectification.summary.due_this_week"
    defaultValue={true}
  />,
  <ReferenceInput
    key="teamUnitId"
    source="teamUnitId"
    reference="org-units"
    filter={{ kind: 'team' }}
    sort={{ field: 'name', order: 'ASC' }}
    alwaysOn
  >
    <AutocompleteInput optionText="name" label="resources.rectifications.fields.teamUnitId" sx={{ minWidth: 200 }} />
  </ReferenceInput>,
  <ReferenceInput
    key="branchId"
    source="branchId"
    reference="org-units"
    filter={{ kind: 'branch' }}
    sort={{ field: 'name', order: 'ASC' }}
  >
    <AutocompleteInput optionText="name" label="resources.rectifications.fields.branchId" sx={{ minWidth: 200 }} />
  </ReferenceInput>,
];

const ListActions = () => {
  const { permissions } = usePermissions();
  return (
    <TopToolbar>
      <FilterButton />
      {hasRole(permissions, RECTIFICATION_CREATORS) && <CreateButton />}
    </TopToolbar>
  );
};

/**
 * Chinese text breaks anywhere, so a squeezed column wraps one character per line: cells keep their text on one line
 * (the description is cut with an ellipsis) and the table scrolls sideways when the window is narrower than it.
 */
const GRID_SX = {
  '& .RaDatagrid-tableWrapper': { overflowX: 'auto' },
  '& th, & td': { whiteSpace: 'nowrap', px: 1 },
  '& td.column-description, & td.column-waitingOn': { whiteSpace: 'normal' },
} as const;

/** The description: at least 10 characters wide, at most two lines (the full text in the tooltip). */
const CLAMP_SX = {
  minWidth: 160,
  maxWidth: 240,
  display: '-webkit-box',
  WebkitLineClamp: 2,
  WebkitBoxOrient: 'vertical',
  overflow: 'hidden',
} as const;

/** Team above its branch. */
const TeamCell = ({ record }: { record: RectificationRecord }) => (
  <Stack spacing={0.25}>
    <span>{record.teamName || '—'}</span>
    {record.branchName && (
      <Typography variant="caption" color="text.secondary">
        {record.branchName}
      </Typography>
    )}
  </Stack>
);

/** Due meeting (link) above the due time. */
const DueCell = ({ record }: { record: RectificationRecord }) => {
  const [locale] = useLocaleState();
  return (
    <Stack spacing={0.25}>
      {record.meetingId ? (
        <Link
          to={meetingUrl(record.meetingId)}
          onClick={(e: MouseEvent) => e.stopPropagation()}
          sx={{ display: 'block', maxWidth: 200, overflow: 'hidden', textOverflow: 'ellipsis' }}
          title={record.meetingTitle ?? ''}
        >
          {record.meetingTitle || '—'}
        </Link>
      ) : null}
      <Typography variant="body2" color={record.overdue ? 'error' : undefined}>
        {formatDateTime(record.dueAt, locale)}
      </Typography>
    </Stack>
  );
};

/** Who the rectification waits on, and since when. */
const WaitingCell = ({ record }: { record: RectificationRecord }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const who = useWaitingOnLabel()(record.waitingOn);
  if (!who) return <span>—</span>;
  return (
    <Stack spacing={0.25} sx={{ minWidth: 120 }}>
      <span>{who}</span>
      {record.waitingSince && (
        <Typography variant="caption" color="text.secondary">
          {translate('qf.rectification.since', { since: formatDateTime(record.waitingSince, locale) })}
        </Typography>
      )}
    </Stack>
  );
};

const Empty = () => (
  <Box sx={{ p: 2 }}>
    <Typography color="text.secondary">{useTranslate()('qf.rectification.empty')}</Typography>
  </Box>
);

/** 整改看板: counts and chart from `/rectifications/summary`, then the filtered list. */
export const RectificationList = () => (
  <>
    <Summary />
    <List
      filters={filters}
      actions={<ListActions />}
      sx={{ minWidth: 0, '& .RaList-main': { minWidth: 0 } }}
      sort={{ field: 'dueAt', order: 'ASC' }}
      perPage={25}
      exporter={false}
      empty={false}
    >
      <Datagrid
        rowClick="show"
        bulkActionButtons={false}
        empty={<Empty />}
        rowSx={(r) => ((r as RectificationRecord).overdue ? { bgcolor: 'rgba(211,47,47,0.08)' } : {})}
        sx={GRID_SX}
      >
        <FunctionField
          source="origin"
          sortable={false}
          render={(r: RectificationRecord) => (
            <Stack spacing={0.25}>
              <OriginLabel origin={r.origin} />
              {r.orderNo && (
                <Typography variant="caption" color="text.secondary">
                  {r.orderNo}
                </Typography>
              )}
            </Stack>
          )}
        />
        <FunctionField
          source="description"
          sortable={false}
          render={(r: RectificationRecord) => (
            <Box sx={CLAMP_SX} title={r.description ?? ''}>
              {r.description || '—'}
            </Box>
          )}
        />
        <FunctionField
          source="teamName"
          sortable={false}
          render={(r: RectificationRecord) => <TeamCell record={r} />}
        />
        <FunctionField
          source="dueAt"
          label="qf.rectification.due_column"
          render={(r: RectificationRecord) => <DueCell record={r} />}
        />
        <FunctionField
          source="status"
          sortable={false}
          render={(r: RectificationRecord) => (
            <Stack
              direction="row"
              spacing={0.5}
              useFlexGap
              sx={{ flexWrap: 'nowrap' }}
              data-testid="rectification-status"
            >
              <StatusChip status={r.status} />
              <OverdueChip overdue={r.overdue} />
              <LateChip late={r.late} overdue={r.overdue} />
            </Stack>
          )}
        />
        <FunctionField
          source="waitingOn"
          sortable={false}
          render={(r: RectificationRecord) => <WaitingCell record={r} />}
        />
      </Datagrid>
    </List>
  </>
);
