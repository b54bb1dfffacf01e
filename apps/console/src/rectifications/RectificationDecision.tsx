import type { MouseEvent, ReactNode } from 'react';
import {
  Alert,
  Box,
  Chip,
  CircularProgress,
  Divider,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Link, useGetOne, useLocaleState, useTranslate } from 'react-admin';
import type { TaskView } from '@qf/contracts/cases';
import { LabeledValue } from '../components/fields';
import { formatDateTime } from '../components/format';
import { LateChip, OriginLabel, OverdueChip, StatusChip } from './chips';
import { meetingUrl, type RectificationCallback, type RectificationRecord } from './model';

const T = 'qf.process_ui.rect';

const Field = ({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) => (
  <Box data-testid={testId}>
    <LabeledValue label={label} value={value} variant="body2" valueComponent="div" />
  </Box>
);

/** The callback behind the rectification: order, customer, repairer and evaluator (姓名（工号）), the answers and the 不满意 form. */
export const CallbackSection = ({ callback }: { callback: RectificationCallback }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Stack spacing={1.5} data-testid="rectification-callback">
      <Typography variant="subtitle2">
        {translate(`${T}.callback_heading`, { kind: translate(`qf.evaluation.kind.${callback.kind}`, { _: '—' }) })}
      </Typography>
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Field label={translate('resources.evaluations.fields.orderNo')} value={callback.orderNo} />
        <Field label={translate(`${T}.customer`)} value={callback.reporter || '—'} />
        <Field label={translate('resources.evaluations.fields.repairerName')} value={callback.repairerName} />
        <Field label={translate(`${T}.evaluator`)} value={callback.evaluatorName ?? '—'} />
        <Field label={translate(`${T}.answered_at`)} value={formatDateTime(callback.answeredAt, locale)} />
        <Field
          label={translate('resources.evaluations.fields.choice')}
          value={
            callback.choice ? (
              <Chip
                size="small"
                color={callback.choice === 'dissatisfied' ? 'error' : 'default'}
                label={`${translate(`qf.evaluation.choice.${callback.choice}`)} · ${translate('qf.evaluation.points', { score: callback.score ?? '—' })}`}
              />
            ) : (
              '—'
            )
          }
        />
      </Stack>
      <Table size="small" aria-label={translate(`${T}.answers`)}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: '55%' }}>{translate(`${T}.question`)}</TableCell>
            <TableCell>{translate(`${T}.answer`)}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {callback.answers.map((a, i) => (
            <TableRow key={a.key}>
              <TableCell>
                {i + 1}. {a.question}
              </TableCell>
              <TableCell>
                {a.answer || (
                  <Typography component="span" variant="body2" color="text.secondary">
                    {translate(`${T}.no_answer`)}
                  </Typography>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Field label={translate(`${T}.note`)} value={callback.note || '—'} testId="rectification-callback-note" />
    </Stack>
  );
};

/** The team lead's submitted revisit, causes and plan (E-7). */
export const PlanSection = ({ plan }: { plan: NonNullable<RectificationRecord['plan']> }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={1} data-testid="rectification-plan">
      <Typography variant="subtitle2">{translate(`${T}.plan_heading`)}</Typography>
      {(['revisit', 'causes', 'plan'] as const).map((k) => (
        <Field
          key={k}
          label={translate(`qf.rectification_form.${k}`)}
          value={<Box sx={{ whiteSpace: 'pre-wrap' }}>{plan[k] || '—'}</Box>}
        />
      ))}
    </Stack>
  );
};

/** The rectification itself: origin, team, the meeting it is due before and the due time, its status. */
export const RectificationFacts = ({ record }: { record: RectificationRecord }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <StatusChip status={record.status} />
        <OverdueChip overdue={record.overdue} />
        <LateChip late={record.late} overdue={record.overdue} />
      </Stack>
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Field
          label={translate('resources.rectifications.fields.origin')}
          value={<OriginLabel origin={record.origin} />}
        />
        <Field label={translate('resources.rectifications.fields.teamName')} value={record.teamName || '—'} />
        <Field label={translate('resources.rectifications.fields.branchName')} value={record.branchName || '—'} />
        <Field
          label={translate(`${T}.due_meeting`)}
          testId="rectification-due-meeting"
          value={
            record.internal ? (
              translate(`${T}.internal_no_meeting`)
            ) : record.meetingId ? (
              <Link to={meetingUrl(record.meetingId)} onClick={(e: MouseEvent) => e.stopPropagation()}>
                {record.meetingTitle || '—'}
              </Link>
            ) : (
              translate(`${T}.no_meeting`)
            )
          }
        />
        <Field
          label={translate('resources.rectifications.fields.dueAt')}
          testId="rectification-due-at"
          value={
            <Box component="span" sx={{ color: record.overdue ? 'error.main' : undefined }}>
              {formatDateTime(record.dueAt, locale)}
            </Box>
          }
        />
      </Stack>
      <Field
        label={translate('resources.rectifications.fields.description')}
        value={<Box sx={{ whiteSpace: 'pre-wrap' }}>{record.description || '—'}</Box>}
      />
    </Stack>
  );
};

/**
 * 待决事项 of a rectification task (plan, review, internal note): the rectification with its meeting and due time, the
 * callback and its 不满意 form, and — once submitted — the plan under review.
 */
export const RectificationDecisionPanel = ({ task }: { task: TaskView }) => {
  const translate = useTranslate();
  const { data, isPending, error } = useGetOne<RectificationRecord>('rectifications', { id: task.caseId });
  if (isPending) return <CircularProgress size={24} />;
  if (error || !data) return <Alert severity="warning">{translate(`${T}.not_found`)}</Alert>;
  return (
    <Stack spacing={2} data-testid="rectification-decision">
      <RectificationFacts record={data} />
      {data.callback && (
        <>
          <Divider />
          <CallbackSection callback={data.callback} />
        </>
      )}
      {data.plan && (
        <>
          <Divider />
          <PlanSection plan={data.plan} />
        </>
      )}
    </Stack>
  );
};
