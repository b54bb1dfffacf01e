import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import { STATUS_COLOR, type RectificationStatus } from './model';

export const StatusChip = ({ status }: { status?: RectificationStatus | string | null }) => {
  const translate = useTranslate();
  if (!status) return <span>—</span>;
  return (
    <Chip
      size="small"
      color={STATUS_COLOR[status as RectificationStatus] ?? 'default'}
      label={translate(`qf.rectification.status.${status}`, { _: status })}
    />
  );
};

/** Red "已超期" chip; nothing when not overdue. */
export const OverdueChip = ({ overdue }: { overdue?: boolean | null }) => {
  const translate = useTranslate();
  return overdue ? <Chip size="small" color="error" label={translate('qf.rectification.overdue')} /> : null;
};

export const OriginLabel = ({ origin }: { origin?: string | null }) => {
  const translate = useTranslate();
  return <span>{origin ? translate(`qf.rectification.origin.${origin}`, { _: origin }) : '—'}</span>;
};

/** Submitted after its meeting (E-8); shown once the item is no longer overdue (confirmed). */
export const LateChip = ({ late, overdue }: { late?: boolean | null; overdue?: boolean | null }) => {
  const translate = useTranslate();
  return late && !overdue ? (
    <Chip size="small" variant="outlined" color="warning" label={translate('qf.process_ui.rect.late')} />
  ) : null;
};
