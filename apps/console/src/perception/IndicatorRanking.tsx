import {
  Alert,
  Box,
  CircularProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { formatPoints } from '../components/format';
import { messageOf } from '../components/problem';
import { RuleTag } from '../components/RuleTag';
import { API_URL, httpClient } from '../dataProvider';

const T = 'qf.indicators';

export interface IndicatorYearRankingRow {
  unitId: string;
  unitName: string;
  months: number;
  failingMonths: number;
  lastCard: 'none' | 'yellow-card' | 'red-card' | 'interview' | null;
  orgScoreX10: number;
  rank: number;
}

/** P-6 on the 黄牌/红牌 page: the year's units ranked by failing months, then by the organisational score posted. */
export const IndicatorRanking = ({ year }: { year: string }) => {
  const translate = useTranslate();
  const q = useQuery({
    queryKey: ['indicator-year-rankings', year],
    enabled: /^\d{4}$/.test(year),
    queryFn: async () =>
      (await httpClient(`${API_URL}/indicator-year-rankings?year=${year}`)).json as {
        year: number;
        rows: IndicatorYearRankingRow[];
      },
  });
  const rows = q.data?.rows ?? [];
  return (
    <Box sx={{ mt: 3 }}>
      <Typography variant="subtitle1" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        {translate(`${T}.ranking.title`, { year })} <RuleTag rule="P-6" />
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate(`${T}.ranking.help`)}
      </Typography>
      {q.isPending && q.fetchStatus !== 'idle' ? (
        <CircularProgress size={24} />
      ) : q.error ? (
        <Alert severity="error">{messageOf(q.error, translate)}</Alert>
      ) : rows.length === 0 ? (
        <Typography color="text.secondary">{translate(`${T}.ranking.empty`)}</Typography>
      ) : (
        <Table size="small" data-testid="indicator-ranking">
          <TableHead>
            <TableRow>
              <TableCell>{translate(`${T}.ranking.col.rank`)}</TableCell>
              <TableCell>{translate(`${T}.ranking.col.unit`)}</TableCell>
              <TableCell align="right">{translate(`${T}.ranking.col.months`)}</TableCell>
              <TableCell align="right">{translate(`${T}.ranking.col.failing`)}</TableCell>
              <TableCell>{translate(`${T}.ranking.col.last`)}</TableCell>
              <TableCell align="right">{translate(`${T}.ranking.col.score`)}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.unitId}>
                <TableCell>{r.rank}</TableCell>
                <TableCell>{r.unitName}</TableCell>
                <TableCell align="right">{r.months}</TableCell>
                <TableCell align="right">{r.failingMonths}</TableCell>
                <TableCell>{r.lastCard ? translate(`${T}.card.${r.lastCard}`) : '—'}</TableCell>
                <TableCell align="right">{formatPoints(r.orgScoreX10)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};
