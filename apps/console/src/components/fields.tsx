import { useState, type ReactNode } from 'react';
import { Box, Button, Chip, Link, Stack, Typography, type TypographyProps } from '@mui/material';
import { useLocaleState, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import type { WaitingOn } from '@qf/contracts/cases';
import { formatDateTime, formatFen, formatPoints } from './format';

interface SourceProps {
  source: string;
  label?: string;
  sortable?: boolean;
  sortBy?: string;
}

const get = (record: Record<string, unknown> | undefined, source: string): unknown =>
  source
    .split('.')
    .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), record);

/** Date-time in the console's locale (DateField would use the browser's). */
export const DateTimeField = ({ source }: SourceProps) => {
  const record = useRecordContext();
  const [locale] = useLocaleState();
  return <span>{formatDateTime(get(record, source), locale)}</span>;
};

/** Labeled hides its label for plain DOM children, so values go through a component. */
export const Val = ({ children, testId }: { children: ReactNode; testId?: string }) => (
  <span data-testid={testId}>{children}</span>
);

/** A small caption over a value (counts in cards, facts in a dialog's head). */
export const LabeledValue = ({
  label,
  value,
  testId,
  minWidth,
  variant = 'h6',
  valueComponent,
}: {
  label: ReactNode;
  value: ReactNode;
  testId?: string;
  minWidth?: number;
  variant?: TypographyProps['variant'];
  /** The value's element; by default the variant's (h6 → <h6>). */
  valueComponent?: 'div';
}) => (
  <Box sx={minWidth ? { minWidth } : undefined}>
    <Typography variant="caption" color="text.secondary" component="div">
      {label}
    </Typography>
    <Typography variant={variant} component={valueComponent as 'div'} data-testid={testId}>
      {value}
    </Typography>
  </Box>
);

export const PointsField = ({ source }: SourceProps) => {
  const record = useRecordContext();
  return <span>{formatPoints(get(record, source))}</span>;
};

export const MoneyField = ({ source }: SourceProps) => {
  const record = useRecordContext();
  return <span>{formatFen(get(record, source))}</span>;
};

export const RoleChips = ({ roles }: { roles: readonly string[] | undefined }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {(roles ?? []).map((r) => (
        <Chip key={r} size="small" label={translate(`qf.roles.${r}`, { _: r })} />
      ))}
    </Stack>
  );
};

export const RolesField = ({ source }: SourceProps) => {
  const record = useRecordContext();
  const roles = get(record, source);
  return <RoleChips roles={Array.isArray(roles) ? (roles as string[]) : []} />;
};

export const useWaitingOnLabel = () => {
  const translate = useTranslate();
  return (waiting: WaitingOn[] | undefined | null) =>
    (waiting ?? [])
      .map(
        (w) =>
          // a person by name (姓名（工号）, from the api); never a login name or an id
          w.name ??
          (w.role
            ? translate(`qf.roles.${w.role}`, { _: w.role })
            : w.userId || w.username
              ? translate('qf.case_ui.someone')
              : undefined),
      )
      .filter(Boolean)
      .join('、');
};

export const WaitingOnField = ({ source }: SourceProps) => {
  const record = useRecordContext();
  const label = useWaitingOnLabel();
  return <span>{label(get(record, source) as WaitingOn[]) || '—'}</span>;
};

/** "Now waiting on X since Y until Z". */
export const WaitingLine = ({
  waitingOn,
  since,
  due,
}: {
  waitingOn?: WaitingOn[];
  since?: string | null;
  due?: string | null;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const who = useWaitingOnLabel()(waitingOn);
  if (!who) return <Typography color="text.secondary">{translate('qf.case.not_waiting')}</Typography>;
  const overdue = !!due && new Date(due).getTime() < Date.now();
  return (
    <Typography sx={{ fontWeight: 500 }} color={overdue ? 'error' : undefined}>
      {translate(due ? 'qf.case.waiting' : 'qf.case.waiting_no_due', {
        who,
        since: formatDateTime(since, locale),
        due: formatDateTime(due, locale),
      })}
    </Typography>
  );
};

/** Link into the Temporal Web UI (it can reset and terminate workflows): for admins only; the api sends it to admins only too. */
export const TemporalLinkField = ({ source, record: given }: SourceProps & { record?: Record<string, unknown> }) => {
  const context = useRecordContext();
  const record = given ?? context;
  const translate = useTranslate();
  const { permissions } = usePermissions<string[]>();
  const url = get(record, source);
  if (typeof url !== 'string' || !url || !Array.isArray(permissions) || !permissions.includes('admin'))
    return <span>—</span>;
  return (
    <Link href={url} target="_blank" rel="noopener noreferrer" onClick={(e) => e.stopPropagation()}>
      {translate('qf.case.temporal')}
    </Link>
  );
};

/** Collapsible pretty-printed JSON. */
export const JsonBlock = ({
  value,
  label,
  defaultOpen = false,
}: {
  value: unknown;
  label?: ReactNode;
  defaultOpen?: boolean;
}) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(defaultOpen);
  if (value === undefined || value === null) return <span>—</span>;
  return (
    <Box>
      <Button size="small" onClick={() => setOpen((o) => !o)}>
        {label ?? translate('qf.common.json')} · {translate(open ? 'qf.common.collapse' : 'qf.common.expand')}
      </Button>
      {open && (
        <Box
          component="pre"
          sx={{ m: 0, p: 1, bgcolor: 'action.hover', borderRadius: 1, fontSize: 12, overflowX: 'auto', maxHeight: 400 }}
        >
          {JSON.stringify(value, null, 2)}
        </Box>
      )}
    </Box>
  );
};
