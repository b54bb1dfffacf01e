import { useMemo } from 'react';
import { Alert, Box, Divider, Typography } from '@mui/material';
import {
  ArrayInput,
  CheckboxGroupInput,
  Edit,
  FormDataConsumer,
  Link,
  NumberInput,
  SaveButton,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  Toolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useFormState } from 'react-hook-form';
import { roleChoices } from '../components/choices';
import { PublishButton } from '../components/PublishButton';
import { DeleteDraftButton } from '../policies/versionActions';
import { actionChoices, assigneeKindChoices, assignmentChoices, modeChoices, relationChoices } from './choices';
import { FlowDiagram } from './FlowDiagram';
import { FlowSummary } from './FlowShow';
import { normalizeStages, validateFlowForm, type FlowRecord } from './model';

const Row = ({ children }: { children: React.ReactNode }) => (
  <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2, alignItems: 'flex-start' }}>{children}</Box>
);

const narrow = { width: 150 };

const Duration = ({ source, label }: { source: string; label: string }) => {
  const translate = useTranslate();
  return (
    <>
      <NumberInput
        source={`${source}.workingDays`}
        label={`${translate(label)} · ${translate('qf.flow.f.working_days')}`}
        min={0}
        max={60}
        step={1}
        sx={{ width: 190 }}
      />
      <NumberInput
        source={`${source}.hours`}
        label={`${translate(label)} · ${translate('qf.flow.f.hours')}`}
        min={0}
        step={1}
        sx={{ width: 190 }}
      />
    </>
  );
};

/** The inputs of one stage; sources are relative to the stage (SimpleFormIterator scopes them). */
const StageInputs = () => (
  <Box sx={{ width: '100%' }}>
    <Row>
      <TextInput source="label" label="qf.flow.f.label" sx={{ width: 240 }} />
      <TextInput
        source="key"
        label="qf.flow.f.key"
        helperText="qf.flow.f.key_help"
        sx={{ width: 200, '& input': { fontFamily: 'monospace', fontSize: 12 } }}
      />
    </Row>
    <Row>
      <SelectInput
        source="assignee.kind"
        label="qf.flow.f.assignee_kind"
        choices={assigneeKindChoices}
        defaultValue="role"
        sx={narrow}
      />
      <FormDataConsumer>
        {({ scopedFormData }) =>
          scopedFormData?.assignee?.kind === 'relation' ? (
            <SelectInput
              source="assignee.relation"
              label="qf.flow.f.relation"
              choices={relationChoices}
              sx={{ width: 220 }}
            />
          ) : (
            <SelectInput source="assignee.role" label="qf.flow.f.role" choices={roleChoices} sx={{ width: 220 }} />
          )
        }
      </FormDataConsumer>
      <SelectInput
        source="assignment"
        label="qf.flow.f.assignment"
        choices={assignmentChoices}
        defaultValue="pool"
        sx={{ width: 220 }}
      />
      <NumberInput
        source="required"
        label="qf.flow.f.required"
        min={1}
        max={20}
        step={1}
        defaultValue={1}
        sx={narrow}
      />
    </Row>
    <Row>
      <SelectInput
        source="mode.kind"
        label="qf.flow.f.mode"
        choices={modeChoices}
        defaultValue="one"
        sx={{ width: 200 }}
      />
      <FormDataConsumer>
        {({ scopedFormData }) => {
          const kind = scopedFormData?.mode?.kind;
          if (kind === 'quorum')
            return (
              <>
                <NumberInput
                  source="mode.n"
                  label="qf.flow.f.quorum_n"
                  min={1}
                  step={1}
                  helperText="qf.flow.f.quorum_help"
                  sx={{ width: 190 }}
                />
                <NumberInput
                  source="mode.fraction"
                  label="qf.flow.f.quorum_fraction"
                  min={0}
                  max={1}
                  step={0.05}
                  sx={{ width: 190 }}
                />
              </>
            );
          if (kind === 'majority')
            return (
              <NumberInput
                source="mode.quorumFraction"
                label="qf.flow.f.quorum_fraction_majority"
                min={0}
                max={1}
                step={0.05}
                defaultValue={0.67}
                sx={{ width: 220 }}
              />
            );
          return null;
        }}
      </FormDataConsumer>
    </Row>
    <Row>
      <Duration source="deadline" label="qf.flow.f.deadline" />
      <Duration source="reminderBefore" label="qf.flow.f.reminder_before" />
    </Row>
    <Row>
      <SelectInput
        source="escalateTo"
        label="qf.flow.f.escalate_to"
        choices={roleChoices}
        emptyText="qf.common.none"
        sx={{ width: 200 }}
      />
      <Duration source="escalateAfter" label="qf.flow.f.escalate_after" />
    </Row>
    <CheckboxGroupInput
      source="actions"
      label="qf.flow.f.actions"
      choices={actionChoices}
      defaultValue={['approve', 'reject', 'comment']}
    />
  </Box>
);

const FlowEditToolbar = () => {
  const { isDirty } = useFormState();
  const translate = useTranslate();
  return (
    <Toolbar sx={{ gap: 2 }}>
      <SaveButton />
      <PublishButton resource="flows" disabled={isDirty} />
      {isDirty && (
        <Typography variant="caption" color="text.secondary">
          {translate('qf.publish.save_first')}
        </Typography>
      )}
      <Box sx={{ flex: 1 }} />
      <DeleteDraftButton resource="flows" />
    </Toolbar>
  );
};

const FlowEditForm = () => {
  const record = useRecordContext<FlowRecord>();
  const translate = useTranslate();
  const validate = useMemo(
    () => validateFlowForm(record?.kind ?? '', record?.version ?? 1),
    [record?.kind, record?.version],
  );
  if (!record) return null;
  if (record.status !== 'draft') {
    return (
      <Box sx={{ p: 2 }}>
        <Alert severity="info">
          {translate('qf.flow.immutable')}{' '}
          <Link to={`/flows/${encodeURIComponent(record.id)}/show`}>{translate('qf.flow.open_show')}</Link>
        </Alert>
      </Box>
    );
  }
  return (
    <SimpleForm validate={validate} toolbar={<FlowEditToolbar />} mode="onChange">
      <FlowSummary />
      <TextInput source="label" label="qf.version.label" helperText="qf.version.label_help" sx={{ width: 420 }} />
      <TextInput
        source="description"
        label="qf.version.description"
        multiline
        minRows={2}
        sx={{ width: 620 }}
        helperText={false}
      />
      <ArrayInput source="stages" label="qf.flow.stages">
        <SimpleFormIterator
          fullWidth
          getItemDefaults={(item: unknown) => item ?? newStage()}
          sx={{ '& .RaSimpleFormIterator-line': { borderBottom: 1, borderColor: 'divider', pb: 1, mb: 1 } }}
        >
          <StageInputs />
        </SimpleFormIterator>
      </ArrayInput>
      <Divider sx={{ my: 2, width: '100%' }} />
      <Typography variant="subtitle1">{translate('qf.flow.diagram_live')}</Typography>
      <FormDataConsumer>
        {({ formData }) => <FlowDiagram stages={formData.stages} kind={formData.kind} />}
      </FormDataConsumer>
    </SimpleForm>
  );
};

/**
 * A new stage (the iterator's own defaults would make a scalar, as its only child has no source).
 * Values as the api's defaults: pool assignment, one person, one decides.
 */
const newStage = () => ({
  key: '',
  label: '',
  assignee: { kind: 'role', role: null },
  assignment: 'pool',
  required: 1,
  mode: { kind: 'one' },
  actions: ['approve', 'reject', 'comment'],
});

/** `stages` (empty inputs dropped so optional parts stay absent) with the draft's name and description. */
const transform = (values: Record<string, unknown>) => ({
  stages: normalizeStages(values.stages),
  label: typeof values.label === 'string' ? values.label.trim() : '',
  description: typeof values.description === 'string' ? values.description.trim() : '',
});

export const FlowEdit = () => (
  <Edit mutationMode="pessimistic" transform={transform} redirect={false}>
    <FlowEditForm />
  </Edit>
);
