import { Box, CircularProgress, Stack, Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import { NumberInput, RadioButtonGroupInput, useInput, useTranslate } from 'react-admin';
import type { RulingRole, Severity } from '@qf/policy';
import { formatPoints } from '../components/format';
import { useRangeHelper, useRulingChecks, useTaskComplaint } from './RulingForm';
import { APPEAL_DECISIONS } from './schemas';
import { AppealsSummary, personName, RuleChip, RulingSummary } from './shared';

/** A form value without an input (the employee a row of new points belongs to). */
const HiddenValue = ({ source, value }: { source: string; value: string }) => {
  useInput({ source, defaultValue: value });
  return null;
};

const decisionChoices = APPEAL_DECISIONS.map((id) => ({ id, name: `qf.complaint.decision.${id}` }));

/**
 * C-12 申诉裁决: the leadership group upholds the ruling, changes the points (each accountable person's new points,
 * with the C-3 range beside the field) or withdraws it. The current ruling and the appeals are shown in the dialog.
 */
export const AppealDecisionForm = () => {
  const translate = useTranslate();
  const complaint = useTaskComplaint();
  const { policy, escalationLevel } = useRulingChecks(complaint);
  const rangeHelper = useRangeHelper();
  const decision = useWatch({ name: 'data.decision' }) as string | undefined;
  const ruling = complaint?.ruling;

  if (!complaint) return <CircularProgress size={20} />;
  return (
    <Box data-testid="appeal-decision-form">
      <Typography variant="subtitle2" gutterBottom>
        {translate('qf.complaint.appeals')}
      </Typography>
      <AppealsSummary appeals={complaint.appeals} />
      <Typography variant="subtitle2" sx={{ mt: 2 }} gutterBottom>
        {translate('qf.complaint.current_ruling')}
        <RuleChip rule="C-3" />
      </Typography>
      <RulingSummary ruling={ruling} people={complaint.people} policy={policy} testId="appeal-decision-ruling" />
      <Box sx={{ mt: 2 }}>
        <RadioButtonGroupInput
          source="data.decision"
          label={
            <span>
              {translate('qf.complaint.appeal_decision')}
              <RuleChip rule="C-12" />
            </span>
          }
          choices={decisionChoices}
          row
        />
      </Box>
      {decision === 'change' && ruling && (
        <Stack spacing={1} data-testid="appeal-change-points">
          <Typography variant="body2" color="text.secondary">
            {translate('qf.complaint.change_hint')}
          </Typography>
          {ruling.persons.map((p, i) => [
            <HiddenValue key={`${p.employeeId}-id`} source={`data.points.${i}.employeeId`} value={p.employeeId} />,
            // the change starts from the ruled points
            <NumberInput
              key={p.employeeId}
              source={`data.points.${i}.points`}
              defaultValue={p.points / 10}
              label={translate('qf.complaint.new_points_of', {
                name: personName(complaint.people, p.employeeId),
                role: translate(`qf.complaint.person_role.${p.role}`, { _: p.role }),
              })}
              step={0.5}
              helperText={`${translate('qf.complaint.ruled_points', { points: formatPoints(p.points) })} · ${rangeHelper(
                policy,
                ruling.severity as Severity,
                p.role as RulingRole,
                escalationLevel,
              )}`}
              sx={{ maxWidth: 480 }}
            />,
          ])}
        </Stack>
      )}
    </Box>
  );
};
