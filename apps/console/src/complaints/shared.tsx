import { useMemo, type ReactNode } from 'react';
import { Box, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useGetOne, useLocaleState, useTranslate } from 'react-admin';
import { PolicySchema, type Policy } from '@qf/policy';
import { LabeledValue } from '../components/fields';
import { formatDateTime, formatPoints } from '../components/format';

/** 姓名 and 工号 of the employees a complaint names, by id (the complaints api sends them). */
export type People = Record<string, { name: string; code: string }>;

export interface RegistrationView {
  source?: string;
  workOrderNo?: string;
  customer?: string;
  channel?: string;
  occurredAt?: string;
  description?: string;
  unitId?: string;
  employeeIds?: string[];
  escalationLevel?: number | null;
  severity?: string;
}
export interface RulingPersonView {
  employeeId: string;
  role: string;
  /** ×10 */
  points: number;
}
export interface RulingView {
  severity: string;
  category: string;
  cause?: string;
  escalationLevel?: number;
  persons: RulingPersonView[];
}
export interface AppealView {
  by?: string;
  byName?: string | null;
  reason?: string;
}
export interface AppealDecisionView {
  decision: 'uphold' | 'change' | 'withdraw';
  points?: { employeeId: string; points: number }[];
}
export interface ComplaintView extends RegistrationView {
  id: string;
  title?: string;
  status?: string;
  stage?: string | null;
  outcome?: string | null;
  policyVersion?: number;
  complaint?: RegistrationView;
  verification?: { verdict?: string; facts?: string; evidence?: string; by?: string[] } | null;
  ruling?: RulingView | null;
  appeals?: AppealView[];
  appealDecision?: AppealDecisionView | null;
  people?: People;
  unitName?: string | null;
  deductions?: {
    id: string;
    employeeId: string;
    employeeName: string;
    employeeCode?: string;
    month: string;
    reason: string;
    points: number;
    moneyFen?: number;
  }[];
}

/** 姓名（工号）, or '—' when the id is not known. */
export const personName = (people: People | undefined, id: string | undefined | null): string => {
  const p = id ? people?.[id] : undefined;
  return p ? `${p.name}（${p.code}）` : '—';
};

/** GET /complaints/:id (registration, verification, ruling, appeals, names) of a case. */
export const useComplaint = (caseId: string | undefined) =>
  useGetOne<ComplaintView>('complaints', { id: caseId ?? '' }, { enabled: !!caseId });

/** A policy version with the schema's defaults filled in: the case's pinned one, or the one in effect ('current'). */
export const usePolicy = (version: number | 'current' | undefined): Policy | undefined => {
  const { data } = useGetOne<{ id: number | string; body?: unknown }>(
    'policies',
    { id: version ?? 'current' },
    { enabled: version !== undefined, staleTime: 60_000 },
  );
  return useMemo(() => {
    if (!data) return undefined;
    const parsed = PolicySchema.safeParse(data.body ?? {});
    return parsed.success ? parsed.data : undefined;
  }, [data]);
};

/** A rule ID as a small tag; its tooltip is the rule's Chinese title. */
export const RuleChip = ({ rule }: { rule: string }) => {
  const translate = useTranslate();
  return (
    <Tooltip title={translate(`qf.complaint.rule_title.${rule}`, { _: rule })}>
      <Chip
        size="small"
        variant="outlined"
        label={rule}
        sx={{ height: 20, fontSize: 11, ml: 1 }}
        data-testid={`rule-${rule}`}
      />
    </Tooltip>
  );
};

/** The label of a category key in a policy (C-4), or the key's own text when the policy does not list it. */
export const categoryLabel = (
  policy: Policy | undefined,
  severity: string | undefined,
  key: string | undefined,
): string => {
  // while the policy loads, no key on screen (a code word, not a label)
  if (!key || !policy) return '—';
  const sev = severity as keyof Policy['complaints']['severities'] | undefined;
  const found = policy && sev ? policy.complaints.severities[sev]?.categories.find((c) => c.key === key) : undefined;
  return found?.label ?? key;
};

const Row = ({ children }: { children: ReactNode }) => (
  <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap', mb: 1 }}>
    {children}
  </Stack>
);

/** C-1: what was registered, with labels and names. */
export const RegistrationSummary = ({ complaint }: { complaint: ComplaintView }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const r = { ...complaint, ...(complaint.complaint ?? {}) };
  const F = 'resources.complaints.fields';
  return (
    <Box data-testid="complaint-registration">
      <Row>
        <LabeledValue
          variant="body2"
          label={translate(`${F}.source`)}
          value={r.source ? translate(`qf.complaint.source.${r.source}`, { _: r.source }) : '—'}
        />
        {r.workOrderNo && <LabeledValue variant="body2" label={translate(`${F}.workOrderNo`)} value={r.workOrderNo} />}
        {r.source === 'escalated-order' && (
          <LabeledValue
            variant="body2"
            label={translate(`${F}.escalationLevel`)}
            value={translate('qf.complaint.escalation_level', { n: r.escalationLevel ?? 0 })}
          />
        )}
        <LabeledValue variant="body2" label={translate(`${F}.customer`)} value={r.customer ?? '—'} />
        <LabeledValue variant="body2" label={translate(`${F}.channel`)} value={r.channel ?? '—'} />
        <LabeledValue
          variant="body2"
          label={translate(`${F}.occurredAt`)}
          value={formatDateTime(r.occurredAt, locale)}
        />
        <LabeledValue variant="body2" label={translate(`${F}.unitId`)} value={complaint.unitName ?? '—'} />
        <LabeledValue
          variant="body2"
          label={translate(`${F}.employeeIds`)}
          value={(r.employeeIds ?? []).map((id) => personName(complaint.people, id)).join('、') || '—'}
        />
        {r.severity && (
          <LabeledValue
            variant="body2"
            label={translate(`${F}.preliminarySeverity`)}
            value={translate(`qf.complaint.severity.${r.severity}`, { _: r.severity })}
          />
        )}
      </Row>
      <LabeledValue
        variant="body2"
        valueComponent="div"
        label={translate(`${F}.description`)}
        value={<Box sx={{ whiteSpace: 'pre-wrap' }}>{r.description ?? '—'}</Box>}
      />
    </Box>
  );
};

/** C-2: the verification team's verdict and facts. */
export const VerificationSummary = ({ complaint }: { complaint: ComplaintView }) => {
  const translate = useTranslate();
  const v = complaint.verification;
  if (!v?.verdict) return <Typography color="text.secondary">{translate('qf.complaint.not_yet')}</Typography>;
  const F = 'resources.complaints.fields';
  return (
    <Box data-testid="complaint-verification">
      <Row>
        <LabeledValue
          variant="body2"
          label={translate(`${F}.verdict`)}
          value={translate(`qf.complaint.verdict.${v.verdict}`, { _: v.verdict })}
        />
      </Row>
      <LabeledValue
        variant="body2"
        valueComponent="div"
        label={translate(`${F}.facts`)}
        value={<Box sx={{ whiteSpace: 'pre-wrap' }}>{v.facts ?? '—'}</Box>}
      />
      {v.evidence && (
        <LabeledValue variant="body2" valueComponent="div" label={translate(`${F}.evidence`)} value={v.evidence} />
      )}
    </Box>
  );
};

/**
 * C-3: the ruling — class, category, cause and each accountable person with role and points. `mine` highlights
 * the viewer's own row; `after` shows the points after an appeal decision beside the ruled ones.
 */
export const RulingSummary = ({
  ruling,
  people,
  policy,
  mine,
  testId = 'complaint-ruling',
}: {
  ruling: RulingView | null | undefined;
  people: People | undefined;
  policy: Policy | undefined;
  mine?: string | null;
  testId?: string;
}) => {
  const translate = useTranslate();
  if (!ruling) return <Typography color="text.secondary">{translate('qf.complaint.not_yet')}</Typography>;
  const F = 'resources.complaints.fields';
  return (
    <Box data-testid={testId}>
      <Row>
        <LabeledValue
          variant="body2"
          label={translate(`${F}.severity`)}
          value={translate(`qf.complaint.severity.${ruling.severity}`, { _: ruling.severity })}
        />
        <LabeledValue
          variant="body2"
          label={translate(`${F}.category`)}
          value={categoryLabel(policy, ruling.severity, ruling.category)}
        />
        <LabeledValue
          variant="body2"
          label={translate(`${F}.cause`)}
          value={ruling.cause ? translate(`qf.complaint.cause.${ruling.cause}`, { _: ruling.cause }) : '—'}
        />
      </Row>
      <Table size="small" sx={{ maxWidth: 640 }}>
        <TableHead>
          <TableRow>
            <TableCell>{translate(`${F}.employeeId`)}</TableCell>
            <TableCell>{translate(`${F}.role`)}</TableCell>
            <TableCell align="right">{translate(`${F}.points`)}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {ruling.persons.map((p) => (
            <TableRow key={p.employeeId} selected={!!mine && p.employeeId === mine}>
              <TableCell>
                {personName(people, p.employeeId)}
                {mine && p.employeeId === mine && (
                  <Chip size="small" color="primary" label={translate('qf.complaint.me')} sx={{ ml: 1, height: 20 }} />
                )}
              </TableCell>
              <TableCell>{translate(`qf.complaint.person_role.${p.role}`, { _: p.role })}</TableCell>
              <TableCell align="right">{formatPoints(p.points)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

/** C-12: who appealed and why. */
export const AppealsSummary = ({ appeals }: { appeals: AppealView[] | undefined }) => {
  const translate = useTranslate();
  if (!appeals?.length) return <Typography color="text.secondary">{translate('qf.complaint.no_appeals')}</Typography>;
  return (
    <Stack spacing={1} data-testid="complaint-appeals">
      {appeals.map((a, i) => (
        <Box key={i}>
          <LabeledValue
            variant="body2"
            valueComponent="div"
            label={translate('qf.complaint.appeal_by', { name: a.byName ?? a.by ?? '—' })}
            value={<Box sx={{ whiteSpace: 'pre-wrap' }}>{a.reason || '—'}</Box>}
          />
        </Box>
      ))}
    </Stack>
  );
};

/** C-12: the leadership group's decision (uphold / change with the new points / withdraw). */
export const AppealDecisionSummary = ({
  decision,
  people,
}: {
  decision: AppealDecisionView | null | undefined;
  people: People | undefined;
}) => {
  const translate = useTranslate();
  if (!decision) return null;
  return (
    <Box data-testid="complaint-appeal-decision">
      <LabeledValue
        variant="body2"
        label={translate('qf.complaint.appeal_decision')}
        value={translate(`qf.complaint.decision.${decision.decision}`, { _: decision.decision })}
      />
      {decision.decision === 'change' &&
        (decision.points ?? []).map((p) => (
          <Typography key={p.employeeId} variant="body2">
            {translate('qf.complaint.changed_points', {
              name: personName(people, p.employeeId),
              points: p.points.toFixed(1),
            })}
          </Typography>
        ))}
    </Box>
  );
};
