import { lazy, Suspense } from 'react';
import {
  Box,
  CircularProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatFen } from '../components/format';
import type { ScorecardMonthRecord, ScorecardResult } from './model';
import { whyText } from './why';

const ScorecardChart = lazy(() => import('./ScorecardChart'));

/** The month's figures: cards, units and people scored, fines and their sum. */
export const ScorecardSummaryLine = ({ r }: { r: ScorecardMonthRecord }) => {
  const t = useTranslate();
  const s = r.summary;
  if (!s) return <Typography color="text.secondary">{t('qf.scorecard.not_computed')}</Typography>;
  return (
    <Typography data-testid="scorecard-summary">
      {t('qf.scorecard.summary', {
        cards: s.cards,
        units: s.units,
        people: s.people,
        fines: s.fines,
        amount: formatFen(s.fineFen),
      })}
    </Typography>
  );
};

/** The K rule of each formula kind (RULES.md K-3…K-7), shown before an indicator's why. */
const KIND_RULE: Record<string, string> = {
  'linear-with-floor': 'K-3',
  'step-down': 'K-4',
  'per-point-penalty': 'K-5',
  'count-threshold': 'K-6',
  'weighted-count': 'K-7',
};

const CardResults = ({
  label,
  rows,
  policyVersion,
}: {
  label: string;
  rows: ScorecardResult[];
  policyVersion: number | null;
}) => {
  const t = useTranslate();
  // issue 16: each value's why names its rule and the month's pinned policy version (政策 vN)
  const why = (i: ScorecardResult['indicators'][number]) =>
    [
      `${KIND_RULE[i.kind] ?? 'K-9'} ${whyText(i, t)}`,
      policyVersion != null ? t('qf.result_why.policy', { version: policyVersion }) : null,
    ]
      .filter(Boolean)
      .join(' · ');
  const indicators = rows[0]?.indicators ?? [];
  const person = rows[0]?.scope === 'person';
  return (
    <Box data-testid="scorecard-card">
      <Typography variant="subtitle1" sx={{ mb: 1 }}>
        {label}（{t(person ? 'qf.scorecard.level.person' : 'qf.scorecard.level.unit')}）
      </Typography>
      <Suspense fallback={<CircularProgress size={20} />}>
        <ScorecardChart
          rows={rows.map((r) => ({ name: r.name ?? '—', total: r.total }))}
          label={t('qf.scorecard.total')}
        />
      </Suspense>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('qf.scorecard.rank')}</TableCell>
            <TableCell>{t(person ? 'qf.scorecard.person' : 'qf.scorecard.unit')}</TableCell>
            {person && <TableCell>{t('qf.scorecard.unit')}</TableCell>}
            {indicators.map((i) => (
              <TableCell key={i.key} align="right">
                {i.label}
              </TableCell>
            ))}
            <TableCell align="right">{t('qf.scorecard.total')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.subjectId}>
              <TableCell>
                {r.rank}/{r.ranked}
              </TableCell>
              <TableCell>{r.name ?? '—'}</TableCell>
              {person && <TableCell>{r.unitName}</TableCell>}
              {r.indicators.map((i) => (
                <TableCell key={i.key} align="right">
                  <Tooltip title={why(i)}>
                    <span data-testid={`why-${i.key}`}>
                      {i.score}
                      <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 0.5 }}>
                        {i.missing ? t('qf.scorecard.no_value') : `（${i.value}）`}
                      </Typography>
                    </span>
                  </Tooltip>
                </TableCell>
              ))}
              <TableCell align="right">
                <strong>{r.total}</strong>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

/** K-9 results of a month per card (ranking chart and table with each indicator's score and why) and K-5 fines. */
export const ScorecardResults = ({ record }: { record: ScorecardMonthRecord }) => {
  const t = useTranslate();
  const byCard = new Map<string, ScorecardResult[]>();
  for (const r of record.results) byCard.set(r.card, [...(byCard.get(r.card) ?? []), r]);
  return (
    <Stack spacing={3}>
      {[...byCard].map(([card, rows]) => (
        <CardResults
          key={card}
          label={record.summary?.labels?.[card] ?? t('qf.scorecard.card')}
          rows={rows}
          policyVersion={record.policyVersion ?? null}
        />
      ))}
      {byCard.size === 0 && <Typography color="text.secondary">{t('qf.scorecard.no_results')}</Typography>}
      <Box>
        <Typography variant="subtitle1" sx={{ mb: 1 }}>
          {t('qf.scorecard.fines_title')}
        </Typography>
        {record.fines.length === 0 ? (
          <Typography color="text.secondary">{t('qf.scorecard.no_fines')}</Typography>
        ) : (
          <Table size="small" data-testid="scorecard-fines">
            <TableHead>
              <TableRow>
                <TableCell>{t('qf.scorecard.person')}</TableCell>
                <TableCell>{t('qf.scorecard.unit')}</TableCell>
                <TableCell>{t('qf.scorecard.reason_label')}</TableCell>
                <TableCell align="right">{t('qf.scorecard.amount')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {record.fines.map((f) => (
                <TableRow key={`${f.employeeId}:${f.reason}:${f.unitId}`}>
                  <TableCell>{f.name}</TableCell>
                  <TableCell>{f.unitName}</TableCell>
                  <TableCell>{t(`qf.scorecard.reason.${f.reason}`, { ...f.why, _: t('qf.scorecard.card') })}</TableCell>
                  <TableCell align="right">{formatFen(f.amountFen)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Box>
    </Stack>
  );
};
