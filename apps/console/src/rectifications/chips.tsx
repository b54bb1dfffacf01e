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
