import type { ReactElement, ReactNode } from 'react';
import { Chip, Typography } from '@mui/material';
import { Datagrid, FunctionField, List, TextField, useTranslate } from 'react-admin';
import { DateTimeField } from './fields';

/** A monthly run's status (perception P-1…P-5, scorecards K-9): computing → reviewing → posted. */
export type MonthRunStatus = 'computing' | 'reviewing' | 'posted';
const STATUS_COLOR: Record<MonthRunStatus, 'default' | 'warning' | 'success'> = {
  computing: 'default',
  reviewing: 'warning',
  posted: 'success',
};

/** The status as a chip, labelled from `<area>.status.<status>` (e.g. qf.perception). */
export const MonthStatusChip = ({ area, status }: { area: string; status?: MonthRunStatus }) => {
  const translate = useTranslate();
  if (!status) return <span>—</span>;
  return (
    <Chip size="small" color={STATUS_COLOR[status]} label={translate(`${area}.status.${status}`, { _: status })} />
  );
};

/** A figure of the month's summary, or a dash before it is computed. */
export const summaryFigure = (v: unknown) => (typeof v === 'number' ? v : '—');

/**
 * A monthly run's list: one row per month, newest first — month, status, the area's own summary columns (children),
 * when it was computed and posted; the empty text is `<area>.list_empty`.
 */
export const MonthRunList = ({
  area,
  actions,
  children,
}: {
  area: string;
  actions: ReactElement;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  return (
    <List sort={{ field: 'month', order: 'DESC' }} perPage={25} exporter={false} actions={actions} empty={false}>
      <Datagrid
        bulkActionButtons={false}
        rowClick="show"
        empty={
          <Typography color="text.secondary" sx={{ p: 2 }}>
            {translate(`${area}.list_empty`)}
          </Typography>
        }
      >
        <TextField source="month" />
        <FunctionField
          source="status"
          sortable={false}
          render={(r: { status?: MonthRunStatus }) => <MonthStatusChip area={area} status={r.status} />}
        />
        {children}
        <DateTimeField source="computedAt" sortable={false} />
        <DateTimeField source="postedAt" sortable={false} />
      </Datagrid>
    </List>
  );
};
