import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import { STATUS_COLOR, type SettlementStatus } from './model';

export const StatusChip = ({
  status,
  size = 'small',
}: {
  status?: SettlementStatus | null;
  size?: 'small' | 'medium';
}) => {
  const translate = useTranslate();
  if (!status) return <span>—</span>;
  return (
    <Chip
      size={size}
      color={STATUS_COLOR[status] ?? 'default'}
      label={translate(`qf.settlement.status.${status}`, { _: status })}
    />
  );
};
