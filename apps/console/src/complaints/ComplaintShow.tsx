import type { ReactNode } from 'react';
import {
  Box,
  Card,
  CardContent,
  Chip,
  Divider,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Link, Show, useRecordContext, useTranslate } from 'react-admin';
import type { WaitingOn } from '@qf/contracts/cases';
import { LabeledValue, WaitingLine } from '../components/fields';
import { formatFen, formatPoints } from '../components/format';
import { usePhone } from '../layout/usePhone';
import { useCaseLabels } from '../cases/labels';
import {
  AppealDecisionSummary,
  AppealsSummary,
  RegistrationSummary,
  RuleChip,
  RulingSummary,
  VerificationSummary,
  usePolicy,
  type ComplaintView,
} from './shared';

const Section = ({
  title,
  rule,
  testId,
  children,
}: {
  title: string;
  rule?: string;
  testId?: string;
  children: ReactNode;
}) => (
  <Box sx={{ mt: 2 }} data-testid={testId}>
    <Divider sx={{ mb: 2 }} />
    <Typography variant="subtitle1" gutterBottom>
      {title}
      {rule && <RuleChip rule={rule} />}
    </Typography>
    {children}
  </Box>
);

type CaseFields = { waitingOn?: WaitingOn[]; waitingSince?: string | null; dueAt?: string | null };

/** The case's state: where it is, what it waits on, how it ended. */
export const ComplaintState = ({ record }: { record: ComplaintView & CaseFields }) => {
  const translate = useTranslate();
  const labels = useCaseLabels();
  return (
    <Stack spacing={1}>
      {record.status === 'open' && (
        <WaitingLine waitingOn={record.waitingOn} since={record.waitingSince ?? null} due={record.dueAt ?? null} />
      )}
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <LabeledValue
          variant="body2"
          label={translate('resources.complaints.fields.status')}
          value={translate(`qf.case_status.${record.status}`, { _: record.status ?? '—' })}
        />
        {record.stage && (
          <LabeledValue
            variant="body2"
            label={translate('resources.complaints.fields.stage')}
            value={labels.stage('complaint', record.stage)}
          />
        )}
        {record.outcome && (
          <LabeledValue
            variant="body2"
            label={translate('resources.complaints.fields.outcome')}
            value={
              <span data-testid="complaint-outcome">
                {translate(`qf.complaint.outcome.${record.outcome}`, { _: record.outcome })}
              </span>
            }
          />
        )}
        <Link to={`/cases/${encodeURIComponent(record.id)}/show`}>{translate('qf.case.timeline')}</Link>
      </Stack>
    </Stack>
  );
};

type Deduction = NonNullable<ComplaintView['deductions']>[number];

const Deductions = ({ record }: { record: ComplaintView }) => {
  const translate = useTranslate();
  const phone = usePhone();
  const rows = record.deductions ?? [];
  if (!rows.length) return <Typography color="text.secondary">{translate('qf.complaint.no_deductions')}</Typography>;
  const F = 'resources.deductions.fields';
  const person = (d: Deduction) => (d.employeeCode ? `${d.employeeName}（${d.employeeCode}）` : d.employeeName);
  const reason = (d: Deduction) => translate(`qf.complaint.reason.${d.reason}`, { _: d.reason });
  if (phone)
    // Phones (issue 17): five columns do not fit 390 px — one deduction as a card, each value under the table's label
    return (
      <Stack spacing={1.5} data-testid="complaint-deductions">
        {rows.map((d) => (
          <Card key={d.id} variant="outlined">
            <CardContent sx={{ '&:last-child': { pb: 2 } }}>
              <Typography variant="subtitle2" gutterBottom>
                {person(d)}
              </Typography>
              <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
                <LabeledValue variant="body2" label={translate(`${F}.month`)} value={d.month} />
                <LabeledValue variant="body2" label={translate(`${F}.reason`)} value={reason(d)} />
                <LabeledValue variant="body2" label={translate(`${F}.points`)} value={formatPoints(d.points)} />
                <LabeledValue variant="body2" label={translate(`${F}.moneyFen`)} value={formatFen(d.moneyFen)} />
              </Stack>
            </CardContent>
          </Card>
        ))}
      </Stack>
    );
  return (
    <Table size="small" sx={{ maxWidth: 800 }} data-testid="complaint-deductions">
      <TableHead>
        <TableRow>
          <TableCell>{translate(`${F}.employeeName`)}</TableCell>
          <TableCell>{translate(`${F}.month`)}</TableCell>
          <TableCell>{translate(`${F}.reason`)}</TableCell>
          <TableCell align="right">{translate(`${F}.points`)}</TableCell>
          <TableCell align="right">{translate(`${F}.moneyFen`)}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((d) => (
          <TableRow key={d.id}>
            <TableCell>{person(d)}</TableCell>
            <TableCell>{d.month}</TableCell>
            <TableCell>{reason(d)}</TableCell>
            <TableCell align="right">{formatPoints(d.points)}</TableCell>
            <TableCell align="right">{formatFen(d.moneyFen)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const ComplaintPage = () => {
  const record = useRecordContext<ComplaintView & CaseFields>();
  const translate = useTranslate();
  const policy = usePolicy(record ? (record.policyVersion ?? 'current') : undefined);
  if (!record) return null;
  return (
    <CardContent>
      <Typography variant="h6" gutterBottom>
        {record.title}
        {record.policyVersion !== undefined && (
          <Chip
            size="small"
            variant="outlined"
            sx={{ ml: 1 }}
            label={translate('qf.complaint.policy_version', { version: record.policyVersion })}
          />
        )}
      </Typography>
      <RegistrationSummary complaint={record} />

      <Section title={translate('qf.complaint.case_state')}>
        <ComplaintState record={record} />
      </Section>
      <Section title={translate('qf.complaint.verification')} rule="C-2">
        <VerificationSummary complaint={record} />
      </Section>
      <Section title={translate('qf.complaint.ruling')} rule="C-3">
        {!record.ruling && record.appealDecision?.decision === 'withdraw' ? (
          <Typography>{translate('qf.complaint.ruling_withdrawn')}</Typography>
        ) : (
          <RulingSummary ruling={record.ruling} people={record.people} policy={policy} />
        )}
      </Section>
      <Section title={translate('qf.complaint.appeals')} rule="C-12">
        <AppealsSummary appeals={record.appeals} />
        <Box sx={{ mt: 1 }}>
          <AppealDecisionSummary decision={record.appealDecision} people={record.people} />
        </Box>
      </Section>
      <Section title={translate('qf.complaint.deductions')} rule="C-7">
        <Deductions record={record} />
      </Section>
    </CardContent>
  );
};

export const ComplaintShow = () => (
  <Show>
    <ComplaintPage />
  </Show>
);
