import { Alert, Card, CardContent, CircularProgress, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { TextInput, useLocaleState, useTranslate } from 'react-admin';
import { z } from 'zod';
import type { TaskView } from '@qf/contracts/cases';
import { LabeledValue } from '../components/fields';
import { formatDateTime } from '../components/format';
import { messageOf } from '../components/problem';
import { RuleTag } from '../components/RuleTag';
import { API_URL, httpClient } from '../dataProvider';

const T = 'qf.indicators.interview';

interface InterviewView {
  caseId: string;
  origin: 'indicator-card' | 'major-incident';
  unitName: string;
  month: string | null;
  reason: string;
  dueAt: string | null;
  interviewee: string | null;
  incidentTitle: string | null;
  record: { date: string; people: string; minutes: string; commitments: string } | null;
}

/** 约谈记录 (interview:record): why the interview is held, of whom, by when — and its record once kept. */
export const InterviewPanel = ({ task }: { task: TaskView }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const q = useQuery({
    queryKey: ['interviews', task.caseId],
    queryFn: async () => (await httpClient(`${API_URL}/interviews/${task.caseId}`)).json as InterviewView,
  });
  if (q.error) return <Alert severity="error">{messageOf(q.error, translate)}</Alert>;
  if (!q.data) return <CircularProgress size={24} />;
  const r = q.data;
  return (
    <Card variant="outlined" data-testid="interview-panel">
      <CardContent>
        <Stack spacing={1.5}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <RuleTag rule={r.origin === 'major-incident' ? 'P-7' : 'P-6'} />
            <Typography variant="subtitle1">{translate(`${T}.origin.${r.origin}`)}</Typography>
          </Stack>
          <LabeledValue variant="body1" label={translate(`${T}.reason`)} value={r.reason} />
          <LabeledValue variant="body1" label={translate(`${T}.unit`)} value={r.unitName} />
          <LabeledValue variant="body1" label={translate(`${T}.interviewee`)} value={r.interviewee ?? '—'} />
          {r.incidentTitle && (
            <LabeledValue variant="body1" label={translate(`${T}.incident`)} value={r.incidentTitle} />
          )}
          <LabeledValue
            variant="body1"
            label={translate(`${T}.due`)}
            value={r.dueAt ? formatDateTime(r.dueAt, locale) : '—'}
          />
          {r.record && (
            <Stack spacing={1} data-testid="interview-record">
              <LabeledValue variant="body1" label={translate(`${T}.fields.date`)} value={r.record.date} />
              <LabeledValue variant="body1" label={translate(`${T}.fields.people`)} value={r.record.people} />
              <LabeledValue variant="body1" label={translate(`${T}.fields.minutes`)} value={r.record.minutes} />
              <LabeledValue variant="body1" label={translate(`${T}.fields.commitments`)} value={r.record.commitments} />
            </Stack>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};

// Messages are react-admin translation keys (as the other stage forms' schemas).
const REQUIRED = 'ra.validation.required';
const text = (max: number) => z.string({ message: REQUIRED }).trim().min(1, REQUIRED).max(max);

/** The interview record (the api checks the same four fields with InterviewRecordSchema). */
export const InterviewRecordFormSchema = z.object({
  date: z.string({ message: REQUIRED }).regex(/^\d{4}-\d{2}-\d{2}$/, REQUIRED),
  people: text(1000),
  minutes: text(10000),
  commitments: text(5000),
});

/** Stage form of `interview:record` (inputs under `data.`, rendered in TaskActions' dialog). */
export const InterviewRecordForm = () => (
  <>
    <TextInput
      source="data.date"
      type="date"
      label={`${T}.fields.date`}
      fullWidth
      slotProps={{ inputLabel: { shrink: true } }}
    />
    <TextInput source="data.people" label={`${T}.fields.people`} helperText={`${T}.fields.people_help`} fullWidth />
    <TextInput source="data.minutes" label={`${T}.fields.minutes`} multiline minRows={3} fullWidth />
    <TextInput source="data.commitments" label={`${T}.fields.commitments`} multiline minRows={2} fullWidth />
  </>
);

export const interviewActionText = { approve: { label: `${T}.submit` } };
