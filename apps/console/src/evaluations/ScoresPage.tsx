import { useEffect, useState, type ReactNode } from 'react';
import {
  Alert,
  Box,
  Card,
  CardContent,
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
import { Title, usePermissions, useTranslate } from 'react-admin';
import { hasRole } from '../authProvider';
import { messageOf } from '../components/problem';
import { ResultWhy } from '../components/ResultWhy';
import { API_URL, httpClient } from '../dataProvider';
import { fmt2, localMonth, type MonthlyScores } from './model';
import { RepairStarButton } from './RepairStarButton';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ok'; data: MonthlyScores };

/** `GET /scores?month=` (one object, not a list, so not through the data provider). */
const useScores = (month: string, version: number): State => {
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    if (!/^\d{4}-\d{2}$/.test(month)) return;
    let live = true;
    setState({ status: 'loading' });
    httpClient(`${API_URL}/scores?month=${encodeURIComponent(month)}`)
      .then(({ json }) => {
        if (!live) return;
        const data = json as MonthlyScores;
        setState({ status: 'ok', data: { ...data, repairers: Array.isArray(data?.repairers) ? data.repairers : [] } });
      })
      .catch((e: unknown) => {
        if (!live) return;
        setState({ status: 'error', message: messageOf(e) });
      });
    return () => {
      live = false;
    };
  }, [month, version]);
  return state;
};

const Winner = ({
  label,
  name,
  value,
  testId,
  children,
}: {
  label: string;
  name: string;
  value: string;
  testId: string;
  children?: ReactNode;
}) => (
  <Card sx={{ flex: '1 1 240px' }} data-testid={testId}>
    <CardContent>
      <Typography color="text.secondary" variant="body2">
        {label}
      </Typography>
      <Typography variant="h5">{name}</Typography>
      <Typography variant="body2">{value}</Typography>
      {children}
    </CardContent>
  </Card>
);

/**
 * 月度得分 (E-5, E-6): each repairer's month-to-date score as two parts — the average of the evaluations plus the
 * volume bonus (count × 0.15) — their total, and the month's repair star and best team.
 */
export const ScoresPage = () => {
  const translate = useTranslate();
  const [month, setMonth] = useState(localMonth);
  const [version, setVersion] = useState(0);
  const state = useScores(month, version);
  const { permissions } = usePermissions();
  // E-6: the star of a finished month goes to the performance committee (admin, manager)
  const canSendStar = hasRole(permissions, ['manager']) && month < localMonth();
  const data = state.status === 'ok' ? state.data : null;
  const star = data?.repairStar ? data.repairers.find((r) => r.repairerId === data.repairStar!.repairerId) : undefined;
  const bestTeamName = data?.bestTeam
    ? (data.repairers.find((r) => r.teamId === data.bestTeam!.teamId)?.teamName ?? '—')
    : null;

  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('resources.scores.name', { smart_count: 1 })} />
      <Card>
        <CardContent>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
            <TextField
              type="month"
              size="small"
              label={translate('resources.scores.fields.month')}
              value={month}
              sx={{ width: 220, flexShrink: 0 }}
              onChange={(e) => setMonth(e.target.value)}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'scores-month' } }}
            />
            <Typography variant="body2" color="text.secondary">
              {translate('qf.scores.help')}
            </Typography>
          </Stack>
          {state.status === 'loading' && <CircularProgress size={24} />}
          {state.status === 'error' && <Alert severity="error">{translate(state.message, { _: state.message })}</Alert>}
          {data && (
            <>
              <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
                <Winner
                  testId="repair-star"
                  label={translate('qf.scores.repair_star')}
                  name={data.repairStar ? (star?.displayName ?? star?.name ?? '—') : translate('qf.scores.none')}
                  value={
                    data.repairStar ? translate('qf.scores.total_value', { total: fmt2(data.repairStar.total) }) : ''
                  }
                >
                  {data.repairStar && (data.repairStarCase || canSendStar) && (
                    <RepairStarButton
                      month={month}
                      existing={data.repairStarCase ?? null}
                      onSent={() => setVersion((v) => v + 1)}
                    />
                  )}
                </Winner>
                <Winner
                  testId="best-team"
                  label={translate('qf.scores.best_team')}
                  name={bestTeamName ?? translate('qf.scores.none')}
                  value={
                    data.bestTeam ? translate('qf.scores.team_average', { average: fmt2(data.bestTeam.average) }) : ''
                  }
                />
              </Stack>
              {data.repairers.length === 0 ? (
                <Typography color="text.secondary">{translate('qf.scores.empty')}</Typography>
              ) : (
                <Table size="small" aria-label={translate('resources.scores.name', { smart_count: 1 })}>
                  <TableHead>
                    <TableRow>
                      <TableCell>{translate('qf.scores.rank')}</TableCell>
                      <TableCell>{translate('resources.scores.fields.name')}</TableCell>
                      <TableCell>{translate('resources.scores.fields.teamName')}</TableCell>
                      <TableCell align="right">{translate('resources.scores.fields.count')}</TableCell>
                      <TableCell align="right">{translate('resources.scores.fields.average')}</TableCell>
                      <TableCell align="right">{translate('resources.scores.fields.volumeBonus')}</TableCell>
                      <TableCell align="right">{translate('resources.scores.fields.total')}</TableCell>
                      <TableCell>{translate('qf.result_why.column')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {data.repairers.map((r, i) => (
                      <TableRow key={r.repairerId} selected={r.repairerId === data.repairStar?.repairerId}>
                        <TableCell>{i + 1}</TableCell>
                        <TableCell>{r.displayName ?? r.name ?? '—'}</TableCell>
                        <TableCell>{r.teamName ?? '—'}</TableCell>
                        <TableCell align="right">{r.count}</TableCell>
                        <TableCell align="right">{fmt2(r.average)}</TableCell>
                        <TableCell align="right">+ {fmt2(r.volumeBonus)}</TableCell>
                        <TableCell align="right">
                          <strong>= {fmt2(r.total)}</strong>
                        </TableCell>
                        <TableCell>
                          <ResultWhy why={r.why} testId={`score-why-${r.repairerId}`} />
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
              {(data.repairStar || data.bestTeam) && (
                <Box sx={{ mt: 2 }} data-testid="scores-reasons">
                  {data.repairStar && (
                    <Typography variant="caption" color="text.secondary" component="div">
                      E-6{' '}
                      {translate('qf.process_ui.scores.reason_star', {
                        name: star?.displayName ?? star?.name ?? '—',
                        total: fmt2(data.repairStar.total),
                      })}
                    </Typography>
                  )}
                  {data.bestTeam && (
                    <Typography variant="caption" color="text.secondary" component="div">
                      E-6{' '}
                      {translate('qf.process_ui.scores.reason_team', {
                        team: bestTeamName ?? '—',
                        average: fmt2(data.bestTeam.average),
                      })}
                    </Typography>
                  )}
                </Box>
              )}
            </>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};
