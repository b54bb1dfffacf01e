import { useState } from 'react';
import DownloadIcon from '@mui/icons-material/Download';
import { Box, Chip, Stack } from '@mui/material';
import {
  Button,
  Datagrid,
  FunctionField,
  Link,
  List,
  RecordContextProvider,
  SelectField,
  TopToolbar,
  useNotify,
  useTranslate,
} from 'react-admin';
import { severityChoices } from '../components/choices';
import { DateTimeField } from '../components/fields';
import { downloadWithToken } from '../components/download';
import { API_URL } from '../dataProvider';
import { personName } from '../complaints/shared';

/** C-11 named notice of a liable complaint. */
export interface NoticeRecord {
  id: string;
  caseId: string;
  workflowId?: string;
  publishedAt?: string;
  /** The case's title. */
  title?: string;
  /** 姓名 and 工号 of the named people, by id. */
  people?: Record<string, { name: string; code: string }>;
  body?: {
    severity?: string;
    category?: string;
    categoryLabel?: string;
    persons?: { employeeId: string; role?: string; roleLabel?: string; points?: string | number }[];
  };
}

const ExportXlsxButton = () => {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      const day = new Date().toISOString().slice(0, 10);
      await downloadWithToken(`${API_URL}/notices/export?format=xlsx`, `notices-${day}.xlsx`);
    } catch (e) {
      notify((e as Error)?.message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button label="qf.notice.export_xlsx" onClick={onClick} disabled={busy}>
      <DownloadIcon />
    </Button>
  );
};

const CaseLinkText = () => <>{useTranslate()('qf.task.open_case')}</>;

/** The named people: employee name (reference), role and points. */
const Persons = ({ record }: { record: NoticeRecord }) => {
  const translate = useTranslate();
  const persons = Array.isArray(record.body?.persons) ? record.body.persons : [];
  if (persons.length === 0) return <span>—</span>;
  return (
    <Stack spacing={0.5}>
      {persons.map((p, i) => (
        <RecordContextProvider key={`${p.employeeId}-${i}`} value={{ id: p.employeeId, ...p }}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
            <span>{personName(record.people, p.employeeId)}</span>
            <Chip
              size="small"
              variant="outlined"
              label={
                p.role
                  ? translate(`qf.complaint.person_role.${p.role}`, { _: p.roleLabel ?? p.role })
                  : (p.roleLabel ?? '—')
              }
            />
            <span>
              {translate('qf.notice.points', { points: p.points !== undefined ? Number(p.points).toFixed(1) : '—' })}
            </span>
          </Box>
        </RecordContextProvider>
      ))}
    </Stack>
  );
};

export const NoticeList = () => (
  <List
    sort={{ field: 'publishedAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
    actions={
      <TopToolbar>
        <ExportXlsxButton />
      </TopToolbar>
    }
  >
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <DateTimeField source="publishedAt" />
      <SelectField source="body.severity" choices={severityChoices} sortable={false} />
      <FunctionField
        source="body.categoryLabel"
        sortable={false}
        render={(r: NoticeRecord) => r.body?.categoryLabel ?? r.body?.category ?? '—'}
        label="resources.notices.fields.body.categoryLabel"
      />
      <FunctionField source="body.persons" sortable={false} render={(r: NoticeRecord) => <Persons record={r} />} />
      <FunctionField
        source="caseId"
        sortable={false}
        render={(r: NoticeRecord) => (
          <Link to={`/cases/${encodeURIComponent(r.caseId ?? r.id)}/show`}>{r.title || <CaseLinkText />}</Link>
        )}
      />
    </Datagrid>
  </List>
);
