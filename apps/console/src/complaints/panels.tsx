import type { ReactNode } from 'react';
import { Alert, Box, CircularProgress, Divider, Typography } from '@mui/material';
import { useGetIdentity, useTranslate } from 'react-admin';
import type { TaskView } from '@qf/contracts/cases';
import { formatPoints } from '../components/format';
import {
  AppealsSummary,
  RegistrationSummary,
  RulingSummary,
  VerificationSummary,
  useComplaint,
  usePolicy,
  type ComplaintView,
} from './shared';

const Part = ({ title, children }: { title: ReactNode; children: ReactNode }) => (
  <Box sx={{ mb: 2 }}>
    <Typography variant="subtitle2" color="text.secondary" gutterBottom>
      {title}
    </Typography>
    {children}
  </Box>
);

/** Loads the complaint behind a task and renders `children` with it. */
const WithComplaint = ({ task, children }: { task: TaskView; children: (c: ComplaintView) => ReactNode }) => {
  const translate = useTranslate();
  const { data, isPending, error } = useComplaint(task.caseId);
  if (isPending) return <CircularProgress size={20} />;
  if (error || !data) return <Alert severity="warning">{translate('qf.complaint.panel_unavailable')}</Alert>;
  return <Box data-testid={`complaint-panel-${task.stage}`}>{children(data)}</Box>;
};

/** C-2 核实: the registered complaint. */
export const VerifyPanel = ({ task }: { task: TaskView }) => {
  const translate = useTranslate();
  return (
    <WithComplaint task={task}>
      {(c) => (
        <>
          <Part title={translate('qf.complaint.registration')}>
            <RegistrationSummary complaint={c} />
          </Part>
          {c.verification?.verdict && (
            <Part title={translate('qf.complaint.earlier_verification')}>
              <VerificationSummary complaint={c} />
            </Part>
          )}
        </>
      )}
    </WithComplaint>
  );
};

const RuleParts = ({ c }: { c: ComplaintView }) => {
  const translate = useTranslate();
  return (
    <>
      <Part title={translate('qf.complaint.verification')}>
        <VerificationSummary complaint={c} />
      </Part>
      <Divider sx={{ mb: 2 }} />
      <Part title={translate('qf.complaint.registration')}>
        <RegistrationSummary complaint={c} />
      </Part>
    </>
  );
};

/** C-3 责任认定: the verification's verdict and facts, and the complaint. */
export const RulePanel = ({ task }: { task: TaskView }) => (
  <WithComplaint task={task}>{(c) => <RuleParts c={c} />}</WithComplaint>
);

const AppealParts = ({ c }: { c: ComplaintView }) => {
  const translate = useTranslate();
  const policy = usePolicy(c.policyVersion ?? 'current');
  const { data: me } = useGetIdentity();
  const employeeId = (me as { employeeId?: string | null } | undefined)?.employeeId ?? null;
  const own = c.ruling?.persons.find((p) => p.employeeId === employeeId);
  return (
    <>
      {own && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="appeal-own-points">
          {translate('qf.complaint.own_points', {
            role: translate(`qf.complaint.person_role.${own.role}`, { _: own.role }),
            points: formatPoints(own.points),
          })}
        </Alert>
      )}
      <Part title={translate('qf.complaint.ruling_appealed')}>
        <RulingSummary ruling={c.ruling} people={c.people} policy={policy} mine={employeeId} />
      </Part>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('qf.complaint.appeal_hint')}
      </Typography>
      <Part title={translate('qf.complaint.verification')}>
        <VerificationSummary complaint={c} />
      </Part>
    </>
  );
};

/** C-12 申诉期: the ruling being appealed and the viewer's own points. */
export const AppealPanel = ({ task }: { task: TaskView }) => (
  <WithComplaint task={task}>{(c) => <AppealParts c={c} />}</WithComplaint>
);

const AppealDecisionParts = ({ c }: { c: ComplaintView }) => {
  const translate = useTranslate();
  const policy = usePolicy(c.policyVersion ?? 'current');
  return (
    <>
      <Part title={translate('qf.complaint.appeals')}>
        <AppealsSummary appeals={c.appeals} />
      </Part>
      <Part title={translate('qf.complaint.ruling_appealed')}>
        <RulingSummary ruling={c.ruling} people={c.people} policy={policy} />
      </Part>
      <Part title={translate('qf.complaint.verification')}>
        <VerificationSummary complaint={c} />
      </Part>
    </>
  );
};

/** C-12 申诉裁决: the appeals' reasons, the ruling and the points per person. */
export const AppealDecisionPanel = ({ task }: { task: TaskView }) => (
  <WithComplaint task={task}>{(c) => <AppealDecisionParts c={c} />}</WithComplaint>
);
