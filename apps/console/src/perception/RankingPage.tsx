import { lazy, Suspense, useState } from 'react';
import {
  Alert,
  Box,
  Card,
  CardContent,
  CircularProgress,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title, usePermissions, useTranslate } from 'react-admin';
import { useLocation } from 'react-router-dom';
import { hasRole } from '../authProvider';
import { ImportButton } from '../components/ImportButton';
import { messageOf } from '../components/problem';
import { RuleTag } from '../components/RuleTag';
import { API_URL, httpClient } from '../dataProvider';
import { previousMonth, type RankingResponse, type RankingRow } from './model';

const RankingChart = lazy(() => import('./RankingChart'));
const T = 'qf.perception';
const CHANNELS = ['repair', 'hall'] as const;
const SCOPES = ['person', 'team', 'hall', 'centre', 'branch'] as const;
/** P-2 standard of the default policy: the chart's red line (the api applies the pinned policy's own value). */
const STANDARD = 80;

const RankTable = ({ rows, testId }: { rows: RankingRow[]; testId: string }) => {
  const translate = useTranslate();
  return (
    <Table size="small" data-testid={testId}>
      <TableHead>
        <TableRow>
          <TableCell>{translate(`${T}.col.rank`)}</TableCell>
          <TableCell>{translate(`${T}.col.subject`)}</TableCell>
          <TableCell align="right">{translate(`${T}.col.score`)}</TableCell>
          <TableCell align="right">{translate(`${T}.col.sample`)}</TableCell>
          <TableCell>{translate(`${T}.col.source`)}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.subjectId}>
            <TableCell>
              {r.rank} / {r.ranked}
            </TableCell>
            <TableCell>{r.name}</TableCell>
            <TableCell align="right" sx={{ color: r.score <= STANDARD ? 'error.main' : undefined }}>
              {r.score.toFixed(2)}
            </TableCell>
            <TableCell align="right">{r.sample}</TableCell>
            <TableCell>{translate(`${T}.source.${r.source}`, { _: r.source })}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** 满意度排名 (P-1): a month, a channel and a level; bars best first, the year's trend, top and bottom 10. */
export const RankingPage = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const initial = new URLSearchParams(useLocation().search).get('month');
  const [month, setMonth] = useState(initial && /^\d{4}-\d{2}$/.test(initial) ? initial : previousMonth());
  const [channel, setChannel] = useState<(typeof CHANNELS)[number]>('repair');
  const [scope, setScope] = useState<(typeof SCOPES)[number]>('person');
  const q = useQuery({
    queryKey: ['perception-rankings', month, channel, scope],
    enabled: /^\d{4}-\d{2}$/.test(month),
    queryFn: async () =>
      (await httpClient(`${API_URL}/perception-rankings?${new URLSearchParams({ month, channel, scope })}`))
        .json as RankingResponse,
  });
  const rows = q.data?.rows ?? [];
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate(`${T}.ranking_title`)} />
      <CardContent>
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 2 }}>
          <TextField
            type="month"
            size="small"
            label={translate('resources.perception-months.fields.month')}
            value={month}
            onChange={(e) => setMonth(e.target.value)}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'ranking-month' } }}
          />
          <TextField
            select
            size="small"
            label={translate(`${T}.col.channel`)}
            value={channel}
            onChange={(e) => setChannel(e.target.value as never)}
          >
            {CHANNELS.map((c) => (
              <MenuItem key={c} value={c}>
                {translate(`${T}.channel.${c}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            size="small"
            label={translate(`${T}.col.scope`)}
            value={scope}
            onChange={(e) => setScope(e.target.value as never)}
          >
            {SCOPES.map((s) => (
              <MenuItem key={s} value={s}>
                {translate(`${T}.scope.${s}`)}
              </MenuItem>
            ))}
          </TextField>
          <RuleTag rule="P-1" />
          <Box sx={{ flex: 1 }} />
          {hasRole(permissions, ['quality']) && (
            <ImportButton
              endpoint="satisfaction-scores/import"
              columns={['月份', '渠道', '层级', '编码', '满意度', '样本数']}
              templateName="满意度导入模板.csv"
              titleKey={`${T}.import.title`}
              helpKey={`${T}.import.help`}
              doneKey={`${T}.import.done`}
            />
          )}
        </Stack>
        {q.isPending && q.fetchStatus !== 'idle' ? (
          <CircularProgress size={24} />
        ) : q.error ? (
          <Alert severity="error">{messageOf(q.error, translate)}</Alert>
        ) : rows.length === 0 ? (
          <Typography color="text.secondary" data-testid="ranking-empty">
            {translate(`${T}.ranking_empty`)}
          </Typography>
        ) : (
          <Stack spacing={3}>
            <Box data-testid="ranking-chart">
              <Suspense fallback={<CircularProgress size={24} />}>
                <RankingChart
                  data={q.data!}
                  standard={STANDARD}
                  labels={{ score: translate(`${T}.col.score`), average: translate(`${T}.trend_average`) }}
                />
              </Suspense>
            </Box>
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={3}>
              <Box sx={{ flex: 1 }}>
                <Typography variant="subtitle1">{translate(`${T}.top10`)}</Typography>
                <RankTable rows={rows.slice(0, 10)} testId="ranking-top" />
              </Box>
              <Box sx={{ flex: 1 }}>
                <Typography variant="subtitle1">{translate(`${T}.bottom10`)}</Typography>
                <RankTable rows={rows.slice(-10).reverse()} testId="ranking-bottom" />
              </Box>
            </Stack>
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};
