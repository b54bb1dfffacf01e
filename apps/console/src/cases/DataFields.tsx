import { Box, Stack, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../components/format';
import { isUuid } from './labels';

type Names = Record<string, string>;

/** The order a reader expects (what was decided first, then about whom and how much); other fields after, as given. */
const ORDER = [
  'verdict',
  'decision',
  'severity',
  'category',
  'cause',
  'facts',
  'evidence',
  'persons',
  'points',
  'scores',
  'approve',
  'reason',
  'revisit',
  'causes',
  'plan',
  'note',
];
const rank = (k: string) => {
  const i = ORDER.indexOf(k);
  return i < 0 ? ORDER.length : i;
};

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const CODE = /^[a-z][a-z0-9]*(?:[-.][a-z0-9]+)*$/;
const RULE_ID = /^[A-Z]-\d+$/;

/**
 * A decision's or an event's data as labelled fields (qf.case_ui.data.<key>): coded values through
 * qf.case_ui.value.<key>.<code>, person/unit ids through `names` (姓名（工号）), ISO times in the locale,
 * booleans as 是/否, ×10 points as points. Never raw JSON and never an id: an unresolved id shows as —.
 */
export const DataFields = ({
  value,
  names,
  skip = [],
  testId,
}: {
  value: unknown;
  names?: Names;
  skip?: string[];
  testId?: string;
}) => {
  const entries =
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.entries(value as Record<string, unknown>)
          .filter(([k, v]) => !skip.includes(k) && v !== null && v !== undefined && v !== '')
          .sort(([a], [b]) => rank(a) - rank(b))
      : [];
  if (!entries.length) return null;
  return (
    <Box
      component="dl"
      data-testid={testId}
      sx={{ m: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 1.5, rowGap: 0.25 }}
    >
      {entries.map(([k, v]) => (
        <Field key={k} name={k} value={v} names={names} />
      ))}
    </Box>
  );
};

const Field = ({ name, value, names }: { name: string; value: unknown; names?: Names }) => {
  const translate = useTranslate();
  return (
    <>
      <Typography component="dt" variant="body2" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
        {translate(`qf.case_ui.data.${name}`, { _: name })}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        <Value name={name} value={value} names={names} />
      </Typography>
    </>
  );
};

/** One value, by the field it belongs to. */
export const Value = ({ name, value, names }: { name: string; value: unknown; names?: Names }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (value === null || value === undefined || value === '') return <>—</>;
  if (typeof value === 'boolean') return <>{translate(value ? 'qf.common.yes' : 'qf.common.no')}</>;
  if (typeof value === 'number') {
    if (/X10$/.test(name)) return <>{translate('qf.case_ui.points', { n: value / 10, _: String(value / 10) })}</>;
    if (name === 'points') return <>{translate('qf.case_ui.points', { n: value, _: String(value) })}</>;
    if (name === 'level' || name === 'toLevel')
      return <>{translate('qf.star.level', { n: value, _: String(value) })}</>;
    return <>{value}</>;
  }
  if (typeof value === 'string') {
    if (isUuid(value)) return <>{names?.[value] ?? names?.[value.toLowerCase()] ?? '—'}</>;
    if (ISO_TIME.test(value)) return <>{formatDateTime(value, locale)}</>;
    if (RULE_ID.test(value)) return <>{value}</>;
    if (names?.[value]) return <>{names[value]}</>;
    if (CODE.test(value))
      return <>{translate(`qf.case_ui.value.${name}.${value}`, { _: translate(`qf.roles.${value}`, { _: value }) })}</>;
    return <>{value}</>;
  }
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) {
      return (
        <>
          {value.map((v, i) => (
            <span key={i}>
              {i > 0 ? '、' : ''}
              <Value name={name} value={v} names={names} />
            </span>
          ))}
        </>
      );
    }
    return (
      <Stack spacing={0.5}>
        {value.map((v, i) => (
          <Row key={i} value={v} names={names} />
        ))}
      </Stack>
    );
  }
  if (typeof value === 'object') return <DataFields value={value} names={names} />;
  return <>{String(value)}</>;
};

/** An item of a list of records (a person with role and points, a score row) on one line: 姓名（工号） · 责任类型 责任人 · 扣分 2 分. */
const Row = ({ value, names }: { value: unknown; names?: Names }) => {
  const translate = useTranslate();
  if (!value || typeof value !== 'object') return <Value name="" value={value} names={names} />;
  const entries = Object.entries(value as Record<string, unknown>).filter(
    ([, v]) => v !== null && v !== undefined && v !== '',
  );
  const person = entries.find(([k]) => k === 'employeeId' || k === 'userId');
  return (
    <Box component="span" sx={{ display: 'block' }}>
      {person && (
        <strong>
          <Value name={person[0]} value={person[1]} names={names} />
        </strong>
      )}
      {entries
        .filter((e) => e !== person && e[0] !== 'employeeName')
        .map(([k, v]) => (
          <span key={k}>
            {' · '}
            {translate(`qf.case_ui.data.${k}`, { _: k })} <Value name={k} value={v} names={names} />
          </span>
        ))}
    </Box>
  );
};
