import { Stack, Typography } from '@mui/material';
import { Datagrid, FunctionField, Link, List, TextInput, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField } from '../components/fields';
import { DataFields } from '../cases/DataFields';
import { useCaseLabels } from '../cases/labels';

interface AuditRow {
  id: string;
  actor: string | null;
  actorName: string | null;
  action: string;
  caseId: string | null;
  caseTitle: string | null;
  before?: unknown;
  after?: unknown;
  details?: unknown;
}

const filters = [<TextInput key="actor" source="actor" alwaysOn helperText="qf.case_ui.actor_help" />];

/** Before / after / details as labelled fields (never raw JSON). */
const AuditDiff = () => {
  const r = useRecordContext<AuditRow>();
  const translate = useTranslate();
  if (!r) return null;
  const part = (label: string, value: unknown) =>
    value && typeof value === 'object' ? (
      <Stack spacing={0.5} sx={{ minWidth: 240 }}>
        <Typography variant="caption" color="text.secondary">
          {label}
        </Typography>
        <DataFields value={value} />
      </Stack>
    ) : null;
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ p: 1 }}>
      {part(translate('resources.audit.fields.before'), r.before)}
      {part(translate('resources.audit.fields.after'), r.after)}
      {part(translate('qf.case_ui.details'), r.details)}
    </Stack>
  );
};

/** Who (姓名（工号） or 系统), what (event label), which case (its title), when. */
export const AuditList = () => {
  const translate = useTranslate();
  const labels = useCaseLabels();
  const who = (r: AuditRow) =>
    r.actorName ?? (r.actor === 'schedule' ? translate('qf.case_ui.schedule') : translate('qf.case_ui.system'));
  return (
    <List filters={filters} sort={{ field: 'at', order: 'DESC' }} perPage={50} exporter={false}>
      <Datagrid bulkActionButtons={false} rowClick="expand" expand={<AuditDiff />}>
        <DateTimeField source="at" />
        <FunctionField source="actor" sortable={false} render={(r: AuditRow) => who(r)} />
        <FunctionField source="action" sortable={false} render={(r: AuditRow) => labels.event(r.action)} />
        <FunctionField
          source="caseId"
          sortable={false}
          render={(r: AuditRow) =>
            r.caseId ? (
              <Link
                to={`/cases/${encodeURIComponent(r.caseId)}/show`}
                onClick={(e: { stopPropagation: () => void }) => e.stopPropagation()}
              >
                {r.caseTitle ?? translate('qf.task.open_case')}
              </Link>
            ) : (
              '—'
            )
          }
        />
      </Datagrid>
    </List>
  );
};
