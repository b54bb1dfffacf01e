import { useState } from 'react';
import { Checkbox, FormControlLabel, FormHelperText, Stack, Typography } from '@mui/material';
import {
  AutocompleteInput,
  Create,
  RadioButtonGroupInput,
  ReferenceInput,
  SaveButton,
  SimpleForm,
  Toolbar,
  useCreate,
  useInput,
  useLogoutIfAccessDenied,
  useNotify,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { StarApplySchema, type StarApplicationView } from '@qf/contracts/stars';
import { hasRole } from '../authProvider/access';
import { detailText, problemOf, type Problem } from '../components/problem';
import { ProblemAlert } from './chips';
import { applicationUrl, levelChoices } from './model';

/** A plain checkbox bound to the form (BooleanInput renders a switch). */
const CheckboxInput = ({ source, label, helperText, testId }: { source: string; label: string; helperText?: string; testId: string }) => {
  const translate = useTranslate();
  const { field } = useInput({ source, defaultValue: false });
  return (
    <Stack sx={{ mb: 1 }}>
      <FormControlLabel
        control={
          <Checkbox
            checked={field.value === true}
            onChange={(e) => field.onChange(e.target.checked)}
            onBlur={field.onBlur}
            name={field.name}
            slotProps={{ input: { 'data-testid': testId } as React.InputHTMLAttributes<HTMLInputElement> }}
          />
        }
        label={translate(label)}
      />
      {helperText && <FormHelperText sx={{ mt: -0.5 }}>{translate(helperText)}</FormHelperText>}
    </Stack>
  );
};

const FORM_FIELDS = ['level', 'employeeId', 'recommended'] as const;

/**
 * 我要申请 (S-2…S-4): an agent applies for themself; a team lead may nominate someone of the team and
 * recommend an outstanding agent with under a year on the hotline. A refusal names its rule inline.
 */
export const ApplicationCreate = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const { permissions } = usePermissions();
  const isLead = hasRole(permissions, ['team-lead']);
  const [create] = useCreate<StarApplicationView>();
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (values: Record<string, unknown>) => {
    setProblem(null);
    const employeeId = typeof values.employeeId === 'string' && values.employeeId ? values.employeeId : undefined;
    const body = {
      level: Number(values.level),
      ...(isLead && employeeId ? { employeeId } : {}),
      recommended: isLead && values.recommended === true,
    };
    const parsed = StarApplySchema.safeParse(body);
    if (!parsed.success) return { level: 'ra.validation.required' };
    try {
      const created = await create('star-applications', { data: parsed.data }, { returnPromise: true });
      notify('qf.star.application.submitted', { type: 'success' });
      navigate(created?.id != null ? applicationUrl(String(created.id)) : '/star-applications');
      return undefined;
    } catch (e) {
      if (await logoutIfAccessDenied(e)) return undefined;
      const p = problemOf(e);
      setProblem(p);
      // the rule-tagged details also go under their inputs when the api names one
      const errors: Record<string, string> = {};
      for (const d of p.details) {
        const key = String(d.path ?? '').replace(/^(body|data)\./, '');
        if ((FORM_FIELDS as readonly string[]).includes(key) && !errors[key]) errors[key] = detailText(d);
      }
      return Object.keys(errors).length ? errors : undefined;
    }
  };

  return (
    <Create title="qf.star.application.create_title">
      <SimpleForm
        onSubmit={submit}
        defaultValues={{ level: 1, recommended: false }}
        toolbar={
          <Toolbar>
            <SaveButton label="qf.star.application.submit" alwaysEnable data-testid="star-apply-submit" />
          </Toolbar>
        }
      >
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('qf.star.application.help')}
        </Typography>
        <RadioButtonGroupInput
          source="level"
          choices={levelChoices}
          row
          helperText="qf.star.application.level_help"
          data-testid="star-apply-level"
        />
        {isLead && (
          <ReferenceInput source="employeeId" reference="employees" sort={{ field: 'name', order: 'ASC' }}>
            <AutocompleteInput
              optionText={(e: { name?: string; code?: string }) => [e.name, e.code].filter(Boolean).join(' · ')}
              helperText="qf.star.application.employee_help"
              sx={{ minWidth: 320 }}
              data-testid="star-apply-employee"
            />
          </ReferenceInput>
        )}
        {isLead && (
          <CheckboxInput
            source="recommended"
            label="qf.star.application.recommended_label"
            helperText="qf.star.application.recommended_help"
            testId="star-apply-recommended"
          />
        )}
        <ProblemAlert problem={problem} testId="star-apply-error" />
      </SimpleForm>
    </Create>
  );
};
