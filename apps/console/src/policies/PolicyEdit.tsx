import { useMemo } from 'react';
import { Alert, Box, Typography } from '@mui/material';
import {
  DateInput,
  Edit,
  Link,
  SaveButton,
  TabbedForm,
  TextInput,
  Toolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useFormState } from 'react-hook-form';
import { PublishButton } from '../components/PublishButton';
import { POLICY_SECTIONS } from './catalogue';
import { PolicyFieldInput } from './inputs';
import { PolicySummary } from './PolicyShow';
import { validatePolicyForm } from './validation';
import { DeleteDraftButton } from './versionActions';
import type { PolicyRecord } from './model';

const PolicyEditToolbar = () => {
  const { isDirty } = useFormState();
  const translate = useTranslate();
  return (
    <Toolbar sx={{ gap: 2 }}>
      <SaveButton />
      <PublishButton resource="policies" disabled={isDirty} />
      {isDirty && (
        <Typography variant="caption" color="text.secondary">
          {translate('qf.publish.save_first')}
        </Typography>
      )}
      <Box sx={{ flex: 1 }} />
      <DeleteDraftButton resource="policies" />
    </Toolbar>
  );
};

/**
 * A draft policy as labelled fields by section (投诉、等级、结算、星级、评价、感知、考核、质量、日历), each with its
 * rule; numbers shown in 分 / 元 / 天 / 小时 and saved in the api's units. Schema errors appear on their field.
 */
const PolicyEditForm = () => {
  const record = useRecordContext<PolicyRecord>();
  const translate = useTranslate();
  const validate = useMemo(() => validatePolicyForm(translate), [translate]);
  if (!record) return null;
  if (record.status !== 'draft') {
    return (
      <Box sx={{ p: 2 }}>
        <Alert severity="info">
          {translate('qf.policy.immutable')}{' '}
          <Link to={`/policies/${record.id}/show`}>{translate('qf.flow.open_show')}</Link>
        </Alert>
      </Box>
    );
  }
  return (
    <TabbedForm validate={validate} toolbar={<PolicyEditToolbar />} mode="onChange" syncWithLocation={false}>
      <TabbedForm.Tab label="qf.policy.tab_version">
        <PolicySummary />
        <TextInput source="label" label="qf.version.label" helperText="qf.version.label_help" sx={{ width: 420 }} />
        <TextInput
          source="description"
          label="qf.version.description"
          multiline
          minRows={2}
          sx={{ width: 620 }}
          helperText={false}
        />
        <DateInput
          source="effectiveFrom"
          label="resources.policies.fields.effectiveFrom"
          helperText="qf.policy.effective_help"
          sx={{ width: 260 }}
        />
      </TabbedForm.Tab>
      {POLICY_SECTIONS.map((s) => (
        <TabbedForm.Tab key={s.key} label={`qf.policy.section.${s.key}`} data-section={s.key}>
          {s.groups.map((g) => (
            <Box key={g.key} sx={{ width: '100%', mb: 2 }} data-group={g.key}>
              <Typography variant="subtitle1" color="primary" sx={{ mb: 0.5 }}>
                {translate(`qf.policy.grp.${g.key}`)}
              </Typography>
              <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 3, alignItems: 'flex-start' }}>
                {g.fields.map((f) => (
                  <PolicyFieldInput key={f.path} spec={f} />
                ))}
              </Box>
            </Box>
          ))}
        </TabbedForm.Tab>
      ))}
    </TabbedForm>
  );
};

/** Sends `{body, effectiveFrom, label, description}` in the api's units; an empty date is "not set yet". */
const transform = (values: Record<string, unknown>) => {
  const eff = values.effectiveFrom;
  return {
    body: values.body,
    effectiveFrom: typeof eff === 'string' && eff ? eff.slice(0, 10) : null,
    label: typeof values.label === 'string' ? values.label.trim() : '',
    description: typeof values.description === 'string' ? values.description.trim() : '',
  };
};

export const PolicyEdit = () => (
  <Edit mutationMode="pessimistic" transform={transform} redirect="show">
    <PolicyEditForm />
  </Edit>
);
