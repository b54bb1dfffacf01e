import { Box, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { LabeledValue } from '../components/fields';
import { formatPoints } from '../components/format';
import { RuleTag } from '../components/RuleTag';
import type { PerceptionMonthRecord, PerceptionSummary, UnitResult } from './model';

const T = 'qf.perception';

/** The month's figures as cards: people ranked, below standard, P4, points, unit penalties, supervision orders, training. */
export const SummaryCards = ({ summary }: { summary: PerceptionSummary | null }) => {
  const translate = useTranslate();
  if (!summary) return <Typography color="text.secondary">{translate(`${T}.not_computed`)}</Typography>;
  const item = (key: keyof PerceptionSummary, value: string | number) => (
    <Box key={key} data-testid={`perception-summary-${key}`}>
      <LabeledValue label={translate(`${T}.summary.${key}`)} value={value} variant="h6" valueComponent="div" />
    </Box>
  );
  return (
    <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {item('people', summary.people)}
      {item('belowStandard', summary.belowStandard)}
      {item('p4', summary.p4)}
      {item('pointsX10', formatPoints(summary.pointsX10))}
      {item('unitPenalties', summary.unitPenalties)}
      {item('supervisionOrders', summary.supervisionOrders)}
      {item('training', summary.training)}
    </Stack>
  );
};

/** What happens to a unit this month (P-3 / P-5), in words. */
const UnitAction = ({ u }: { u: UnitResult }) => {
  const translate = useTranslate();
  const parts: React.ReactNode[] = [];
  if (u.penalty?.target === 'agent-commission')
    parts.push(
      <span key="p3">
        <RuleTag rule="P-3" /> {translate(`${T}.action.commission`, { percent: u.penalty.commissionPercent })}
        {u.commissionPosted != null && ` ${translate(`${T}.action.commission_posted`)}`}
      </span>,
    );
  else if (u.penalty)
    parts.push(
      <span key="p3">
        <RuleTag rule="P-3" />{' '}
        {translate(`${T}.action.lead_points`, {
          name: u.leadName ?? translate(`${T}.action.no_lead`),
          points: formatPoints(u.penalty.pointsX10),
        })}
      </span>,
    );
  if (u.supervision)
    parts.push(
      <span key="p5">
        <RuleTag rule="P-5" /> {translate(`${T}.action.supervision`, { due: u.supervision.dueAt.slice(0, 10) })}
        {u.supervision.caseId && (
          <>
            {' '}
            <Link
              to={`/rectifications/${encodeURIComponent(u.supervision.caseId)}/show`}
              data-testid="supervision-case-link"
            >
              {translate(`${T}.action.supervision_case`)}
            </Link>
          </>
        )}
      </span>,
    );
  return parts.length ? <Stack spacing={0.5}>{parts}</Stack> : <span>—</span>;
};

/** People with points or a grade first (the month's decisions), then the rest; units with their P-3/P-5 actions. */
export const PerceptionResults = ({
  record,
  onlyAffected = false,
}: {
  record: PerceptionMonthRecord;
  onlyAffected?: boolean;
}) => {
  const translate = useTranslate();
  const people = (record.people ?? []).filter((p) => !onlyAffected || p.pointsX10 > 0 || p.grade || p.training);
  const units = (record.units ?? []).filter((u) => !onlyAffected || u.penalty || u.supervision);
  const channel = (c: string) => translate(`${T}.channel.${c}`, { _: c });
  return (
    <Stack spacing={3}>
      <Box>
        <Typography variant="subtitle1" sx={{ mb: 1 }}>
          {translate(onlyAffected ? `${T}.people_affected` : `${T}.people`)} <RuleTag rule="P-2" />{' '}
          <RuleTag rule="P-4" />
        </Typography>
        {people.length === 0 ? (
          <Typography color="text.secondary">{translate(`${T}.none`)}</Typography>
        ) : (
          <Table size="small" data-testid="perception-people">
            <TableHead>
              <TableRow>
                <TableCell>{translate(`${T}.col.name`)}</TableCell>
                <TableCell>{translate(`${T}.col.unit`)}</TableCell>
                <TableCell>{translate(`${T}.col.channel`)}</TableCell>
                <TableCell align="right">{translate(`${T}.col.score`)}</TableCell>
                <TableCell align="right">{translate(`${T}.col.rank`)}</TableCell>
                <TableCell align="right">{translate(`${T}.col.below_before`)}</TableCell>
                <TableCell align="right">{translate(`${T}.col.points`)}</TableCell>
                <TableCell>{translate(`${T}.col.grade`)}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {people.map((p) => (
                <TableRow key={`${p.employeeId}-${p.channel}`}>
                  <TableCell>{p.name}</TableCell>
                  <TableCell>{p.unitName}</TableCell>
                  <TableCell>{channel(p.channel)}</TableCell>
                  <TableCell align="right">
                    {p.score.toFixed(2)}
                    {p.belowStandard && (
                      <Chip size="small" color="warning" sx={{ ml: 1 }} label={translate(`${T}.below_standard`)} />
                    )}
                  </TableCell>
                  <TableCell align="right">
                    {p.rank} / {p.ranked}
                  </TableCell>
                  <TableCell align="right">{p.belowMonthsBefore}</TableCell>
                  <TableCell align="right">{p.pointsX10 ? formatPoints(p.pointsX10) : '—'}</TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={0.5}>
                      {p.grade && <Chip size="small" color="error" label={p.grade} />}
                      {p.training && <Chip size="small" color="info" label={translate(`${T}.training`)} />}
                      {!p.grade && !p.training && '—'}
                    </Stack>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Box>
      <Box>
        <Typography variant="subtitle1" sx={{ mb: 1 }}>
          {translate(onlyAffected ? `${T}.units_affected` : `${T}.units`)} <RuleTag rule="P-3" /> <RuleTag rule="P-5" />
        </Typography>
        {units.length === 0 ? (
          <Typography color="text.secondary">{translate(`${T}.none`)}</Typography>
        ) : (
          <Table size="small" data-testid="perception-units">
            <TableHead>
              <TableRow>
                <TableCell>{translate(`${T}.col.unit`)}</TableCell>
                <TableCell>{translate(`${T}.col.scope`)}</TableCell>
                <TableCell align="right">{translate(`${T}.col.score`)}</TableCell>
                <TableCell align="right">{translate(`${T}.col.rank`)}</TableCell>
                <TableCell align="right">{translate(`${T}.col.below_year`)}</TableCell>
                <TableCell>{translate(`${T}.col.action`)}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {units.map((u) => (
                <TableRow key={`${u.unitId}-${u.channel}`}>
                  <TableCell>{u.name}</TableCell>
                  <TableCell>{translate(`${T}.scope.${u.scope}`, { _: u.scope })}</TableCell>
                  <TableCell align="right">{u.score.toFixed(2)}</TableCell>
                  <TableCell align="right">
                    {u.rank} / {u.ranked}
                  </TableCell>
                  <TableCell align="right">{u.belowMonthsInYear}</TableCell>
                  <TableCell>
                    <UnitAction u={u} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Box>
    </Stack>
  );
};
