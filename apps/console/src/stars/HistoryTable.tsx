import {
  Alert,
  Chip,
  CircularProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useGetList, useLocaleState, useTranslate } from 'react-admin';
import type { StarHistoryView } from '@qf/contracts/stars';
import { formatDateTime } from '../components/format';
import { Stars } from './chips';
import { problemOf, problemText } from '../components/problem';
import { useStarText } from './texts';

export const KindChip = ({ kind }: { kind?: StarHistoryView['kind'] | null }) => {
  const translate = useTranslate();
  if (!kind) return <span>—</span>;
  return (
    <Chip
      size="small"
      color={kind === 'award' ? 'success' : kind === 'lowered' ? 'warning' : 'error'}
      label={translate(`qf.star.history_kind.${kind}`, { _: kind })}
      data-testid="star-history-kind"
      data-kind={kind}
    />
  );
};

/** fromLevel → toLevel as stars (0 = none). */
export const LevelChange = ({ from, to }: { from: number; to: number }) => (
  <span style={{ whiteSpace: 'nowrap' }}>
    <Stars level={from} /> → <Stars level={to} />
  </span>
);

/** One employee's star history (`GET /star-history?filter={employeeId}`), newest first. */
export const HistoryTable = ({ employeeId }: { employeeId: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const text = useStarText();
  const { data, isPending, error } = useGetList<StarHistoryView>('star-history', {
    filter: { employeeId },
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'at', order: 'DESC' },
  });
  if (isPending) return <CircularProgress size={20} />;
  if (error) return <Alert severity="error">{problemText(problemOf(error))}</Alert>;
  if (!data || data.length === 0)
    return <Typography color="text.secondary">{translate('qf.star.holder.no_history')}</Typography>;
  const f = (k: string) => translate(`resources.star-history.fields.${k}`);
  return (
    <Table size="small" data-testid={`star-history-${employeeId}`}>
      <TableHead>
        <TableRow>
          <TableCell>{f('at')}</TableCell>
          <TableCell>{f('kind')}</TableCell>
          <TableCell>{f('change')}</TableCell>
          <TableCell>{f('effectiveFrom')}</TableCell>
          <TableCell>{f('reason')}</TableCell>
          <TableCell>{f('rule')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((h) => (
          <TableRow key={String(h.id)} data-kind={h.kind}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(h.at, locale)}</TableCell>
            <TableCell>
              <KindChip kind={h.kind} />
            </TableCell>
            <TableCell>
              <LevelChange from={h.fromLevel} to={h.toLevel} />
            </TableCell>
            <TableCell>{h.effectiveFrom || '—'}</TableCell>
            <TableCell>{text(h.reason) || '—'}</TableCell>
            <TableCell>{h.rule ? <Chip size="small" variant="outlined" label={h.rule} /> : '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
