import PrintIcon from '@mui/icons-material/Print';
import DownloadIcon from '@mui/icons-material/Download';
import SendIcon from '@mui/icons-material/Send';
import {
  Card,
  CardContent,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import {
  Button,
  Link,
  Show,
  TopToolbar,
  useGetList,
  useNotify,
  usePermissions,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { hasRole } from '../authProvider';
import { downloadWithToken } from '../components/download';
import { useApiCall, useProblemText } from '../components/problem';
import { Section } from '../components/Section';
import { API_URL, httpClient } from '../dataProvider';
import { Findings, ValuesTable } from './QuarterlyCollect';
import { QuarterlyStatusChip } from './QuarterlyList';
import { QuarterlyReport } from './QuarterlyReport';
import type { QuarterlyRecord } from './model';

const T = 'qf.quarterly';

const Actions = () => {
  const r = useRecordContext<QuarterlyRecord>();
  const { permissions } = usePermissions();
  const notify = useNotify();
  const refresh = useRefresh();
  const { busy, run } = useApiCall();
  const { problemText, messageOf } = useProblemText();
  if (!r) return null;
  const submit = () =>
    run(
      async () => {
        await httpClient(`${API_URL}/quarterly-assessments/${r.id}/submit`, { method: 'POST' });
        notify(`${T}.submitted`, { type: 'success' });
        refresh();
      },
      (p) => notify(problemText(p), { type: 'error' }),
    );
  return (
    <TopToolbar>
      {r.status === 'draft' && hasRole(permissions, ['quality']) && (
        <Button label={`${T}.submit`} onClick={submit} disabled={busy} data-testid="quarterly-submit">
          <SendIcon />
        </Button>
      )}
      {!!r.results?.length && (
        <>
          <Button
            label={`${T}.export_xlsx`}
            onClick={() =>
              downloadWithToken(
                `${API_URL}/quarterly-assessments/${r.id}/export?format=xlsx`,
                `quarterly-${r.period}.xlsx`,
              ).catch((e) => notify(messageOf(e), { type: 'error' }))
            }
          >
            <DownloadIcon />
          </Button>
          <Button label={`${T}.print`} onClick={() => window.print()}>
            <PrintIcon />
          </Button>
        </>
      )}
    </TopToolbar>
  );
};

const Plan = ({ r }: { r: QuarterlyRecord }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" className="qf-no-print">
      <CardContent>
        <Stack spacing={1}>
          <Typography>
            {translate(`${T}.owner`)}：{r.ownerName ?? '—'}
          </Typography>
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
            <Typography>{translate(`${T}.scope`)}：</Typography>
            {(r.units ?? []).map((u) => (
              <Chip key={u.id} size="small" label={u.name} />
            ))}
          </Stack>
          <Table size="small" data-testid="quarterly-indicators">
            <TableHead>
              <TableRow>
                <TableCell>{translate(`${T}.indicator`)}</TableCell>
                <TableCell align="right">{translate(`${T}.weight`)}</TableCell>
                <TableCell>{translate(`${T}.source_label`)}</TableCell>
                <TableCell>{translate(`${T}.direction_label`)}</TableCell>
                <TableCell align="right">{translate(`${T}.target`)}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {r.indicators.map((i) => (
                <TableRow key={i.code}>
                  <TableCell>{i.name}</TableCell>
                  <TableCell align="right">{i.weight}%</TableCell>
                  <TableCell>{translate(`${T}.source.${i.source}`)}</TableCell>
                  <TableCell>{translate(`${T}.direction.${i.direction}`)}</TableCell>
                  <TableCell align="right">{i.target}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Stack>
      </CardContent>
    </Card>
  );
};

/** The plan, its collection (values, findings), the report with charts; also the body of the stage panels. */
export const QuarterlyBody = ({ r, compact = false }: { r: QuarterlyRecord; compact?: boolean }) => {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const editable = r.status === 'collecting' && hasRole(permissions, ['quality']) && !compact;
  const teams = useGetList<{ id: string; name: string; parentId: string | null }>(
    'org-units',
    { filter: { kind: 'team' }, pagination: { page: 1, perPage: 200 }, sort: { field: 'code', order: 'ASC' } },
    { enabled: editable },
  );
  return (
    <Stack spacing={3}>
      <Plan r={r} />
      {['collecting', 'analysed', 'reporting'].includes(r.status) && <ValuesTable record={r} editable={editable} />}
      {r.status !== 'draft' && r.status !== 'approval' && (
        <Findings
          record={r}
          editable={editable}
          teams={(teams.data ?? []).filter(
            (t) => (t.parentId && r.scope.includes(t.parentId)) || r.scope.includes(t.id),
          )}
        />
      )}
      <QuarterlyReport record={r} />
      {r.caseId && !compact && (
        <Section title={translate(`${T}.case`)}>
          <Link to={`/cases/${encodeURIComponent(r.caseId)}/show`} className="qf-no-print">
            {translate(`${T}.open_case`)}
          </Link>
        </Section>
      )}
    </Stack>
  );
};

const Body = () => {
  const r = useRecordContext<QuarterlyRecord>();
  if (!r) return null;
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h6" data-testid="quarterly-title">
          {r.title}
        </Typography>
        <QuarterlyStatusChip status={r.status} />
      </Stack>
      <QuarterlyBody r={r} />
    </Stack>
  );
};

export const QuarterlyShow = () => (
  <Show actions={<Actions />}>
    <Body />
  </Show>
);
