import { useState } from 'react';
import {
  Alert,
  Box,
  Card,
  CardContent,
  Chip,
  CircularProgress,
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
import { Link, Title, usePermissions, useTranslate } from 'react-admin';
import { hasRole } from '../authProvider';
import { ImportButton } from '../components/ImportButton';
import { formatPoints } from '../components/format';
import { messageOf } from '../components/problem';
import { RuleTag } from '../components/RuleTag';
import { API_URL, httpClient } from '../dataProvider';
import { IncidentButton } from './IncidentButton';
import { IndicatorRanking } from './IndicatorRanking';

const T = 'qf.indicators';
const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));

export interface IndicatorCardRow {
  unitId: string;
  unitName: string;
  month: string;
  failureNo: number;
  card: 'none' | 'yellow-card' | 'red-card' | 'interview';
  orgScoreX10: number;
  failedIndicators: string[];
  notices: { to: string; name: string | null; message: string }[];
  interviews: { caseId: string; interviewee: string | null; dueAt: string | null; recorded: boolean }[];
}

const CARD_COLOR = { none: 'default', 'yellow-card': 'warning', 'red-card': 'error', interview: 'secondary' } as const;

/**
 * 黄牌/红牌 (P-6): per unit and year, each failing month's card, deduction, notices and interviews, and the year's
 * ranking of units; P-7 incidents.
 */
export const IndicatorBoard = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const q = useQuery({
    queryKey: ['indicator-cards', year],
    enabled: /^\d{4}$/.test(year),
    queryFn: async () => (await httpClient(`${API_URL}/indicator-cards?year=${year}`)).json as IndicatorCardRow[],
  });
  const byUnit = new Map<string, IndicatorCardRow[]>();
  for (const r of q.data ?? []) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r]);
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate(`${T}.title`)} />
      <CardContent>
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 2 }}>
          <TextField
            type="number"
            size="small"
            label={translate(`${T}.year`)}
            value={year}
            onChange={(e) => setYear(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'indicator-year' } }}
          />
          <RuleTag rule="P-6" />
          <Box sx={{ flex: 1 }} />
          {hasRole(permissions, ['quality']) && (
            <>
              <ImportButton
                endpoint="indicator-results/import"
                columns={['月份', '单位编码', '指标', '结果', '目标', '是否达标']}
                templateName="服务指标导入模板.csv"
                titleKey={`${T}.import.title`}
                helpKey={`${T}.import.help`}
                doneKey={`${T}.import.done`}
              />
              <IncidentButton />
            </>
          )}
        </Stack>
        {q.isPending && q.fetchStatus !== 'idle' ? (
          <CircularProgress size={24} />
        ) : q.error ? (
          <Alert severity="error">{messageOf(q.error, translate)}</Alert>
        ) : byUnit.size === 0 ? (
          <Typography color="text.secondary">{translate(`${T}.empty`)}</Typography>
        ) : (
          <Table size="small" data-testid="indicator-board">
            <TableHead>
              <TableRow>
                <TableCell>{translate(`${T}.col.unit`)}</TableCell>
                {MONTHS.map((m) => (
                  <TableCell key={m} align="center">
                    {translate(`${T}.month`, { m: Number(m) })}
                  </TableCell>
                ))}
                <TableCell align="right">{translate(`${T}.col.deduction`)}</TableCell>
                <TableCell>{translate(`${T}.col.interviews`)}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {[...byUnit.values()].map((rows) => (
                <TableRow key={rows[0].unitId}>
                  <TableCell>{rows[0].unitName}</TableCell>
                  {MONTHS.map((m) => {
                    const r = rows.find((x) => x.month.endsWith(`-${m}`));
                    return (
                      <TableCell key={m} align="center" title={r?.notices.map((n) => n.message).join('\n')}>
                        {r && (
                          <Chip
                            size="small"
                            color={CARD_COLOR[r.card]}
                            label={translate(`${T}.card.${r.card}`)}
                            title={r.failedIndicators.join('、')}
                          />
                        )}
                      </TableCell>
                    );
                  })}
                  <TableCell align="right">{formatPoints(rows.reduce((a, r) => a + r.orgScoreX10, 0))}</TableCell>
                  <TableCell>
                    <Stack spacing={0.5}>
                      {rows.flatMap((r) =>
                        r.interviews.map((i) => (
                          <Link key={i.caseId} to={`/cases/${encodeURIComponent(i.caseId)}/show`}>
                            {translate(`${T}.interview_link`, {
                              month: r.month,
                              name: i.interviewee ?? '—',
                              state: translate(i.recorded ? `${T}.recorded` : `${T}.pending`),
                            })}
                          </Link>
                        )),
                      )}
                    </Stack>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <IndicatorRanking year={year} />
      </CardContent>
    </Card>
  );
};
