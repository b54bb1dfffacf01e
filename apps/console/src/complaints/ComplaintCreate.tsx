import { useMemo, useState } from 'react';
import { Box, Typography } from '@mui/material';
import {
  AutocompleteArrayInput,
  AutocompleteInput,
  Create,
  DateTimeInput,
  FormDataConsumer,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  useGetList,
  useGetMany,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { WORK_ORDER_SOURCES } from '@qf/contracts/complaints';
import { COMPLAINT_SOURCES, severityChoices } from '../components/choices';
import { zodValidate } from '../components/zodValidate';
import { employeeText } from './RulingForm';
import type { EmployeeRef } from './ruling';
import { CreateComplaintFormSchema } from './schemas';
import { RuleChip, usePolicy } from './shared';

const F = 'resources.complaints.fields';
const toIso = (v: unknown) =>
  v instanceof Date ? v.toISOString() : typeof v === 'string' && v ? new Date(v).toISOString() : v;

// C-1: registering a complaint starts its workflow; the api answers with the new complaint.
const transform = (values: Record<string, unknown>) => ({
  ...values,
  occurredAt: toIso(values.occurredAt),
  employeeIds: values.employeeIds ?? [],
  workOrderNo: WORK_ORDER_SOURCES.includes(String(values.source)) ? values.workOrderNo : undefined,
  escalationLevel: values.source === 'escalated-order' ? (values.escalationLevel ?? 1) : undefined,
  severity: values.severity || undefined,
});

/** A label with the rule it implements as a small tag. */
const Ruled = ({ label, rule }: { label: string; rule: string }) => {
  const translate = useTranslate();
  return (
    <span>
      {translate(label)}
      <RuleChip rule={rule} />
    </span>
  );
};

/** C-1 sources of the policy in effect (labels from the catalogue). */
const SourceInput = () => {
  const policy = usePolicy('current');
  const choices = useMemo(
    () =>
      (policy?.complaints.sources ?? [...COMPLAINT_SOURCES]).map((id) => ({ id, name: `qf.complaint.source.${id}` })),
    [policy],
  );
  return (
    <SelectInput
      source="source"
      label={<Ruled label={`${F}.source`} rule="C-1" />}
      choices={choices}
      isPending={!policy}
    />
  );
};

/** The employees concerned: search by 姓名 or 工号, shown as 姓名（工号）. */
const EmployeesInput = () => {
  const [q, setQ] = useState('');
  const selected = (useWatch({ name: 'employeeIds' }) as string[] | undefined) ?? [];
  const { data: found } = useGetList<EmployeeRef>('employees', {
    filter: q ? { q } : {},
    pagination: { page: 1, perPage: 25 },
    sort: { field: 'name', order: 'ASC' },
  });
  const { data: chosen } = useGetMany<EmployeeRef>('employees', { ids: selected }, { enabled: selected.length > 0 });
  const choices = useMemo(() => {
    const seen = new Set<string>();
    return [...(chosen ?? []), ...(found ?? [])]
      .filter((e) => e?.id && !seen.has(e.id) && seen.add(e.id))
      .map((e) => ({ id: e.id, name: employeeText(e) }));
  }, [chosen, found]);
  return (
    <AutocompleteArrayInput
      source="employeeIds"
      label={<Ruled label={`${F}.employeeIds`} rule="C-1" />}
      choices={choices}
      optionText="name"
      translateChoice={false}
      setFilter={setQ}
      helperText="qf.complaint.employees_help"
      fullWidth
    />
  );
};

/**
 * The schema's checks, plus the source-dependent ones even while other fields are still empty (zod runs an
 * object's refinements only once its fields parse).
 */
const validate = (values: Record<string, unknown>) => {
  const errors: Record<string, unknown> = zodValidate(CreateComplaintFormSchema)(values);
  const source = String(values.source ?? '');
  if (WORK_ORDER_SOURCES.includes(source) && !String(values.workOrderNo ?? '').trim())
    errors.workOrderNo = 'qf.complaint.work_order_required';
  if (source === 'escalated-order' && !values.escalationLevel)
    errors.escalationLevel = 'qf.complaint.escalation_required';
  return errors;
};

export const ComplaintCreate = () => {
  const translate = useTranslate();
  return (
    <Create redirect="show" transform={transform}>
      <SimpleForm validate={validate} defaultValues={{ employeeIds: [] }}>
        <Typography variant="body2" color="text.secondary">
          {translate('qf.complaint.register_hint')}
          <RuleChip rule="C-1" />
        </Typography>
        <SourceInput />
        <FormDataConsumer>
          {({ formData }) => (
            <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
              {WORK_ORDER_SOURCES.includes(formData.source) && (
                <TextInput
                  source="workOrderNo"
                  label={<Ruled label={`${F}.workOrderNo`} rule="C-1" />}
                  helperText="qf.complaint.work_order_help"
                  sx={{ minWidth: 260 }}
                />
              )}
              {formData.source === 'escalated-order' && (
                <SelectInput
                  source="escalationLevel"
                  label={<Ruled label={`${F}.escalationLevel`} rule="C-6" />}
                  choices={[1, 2, 3].map((id) => ({ id, name: translate('qf.complaint.escalation_level', { n: id }) }))}
                  translateChoice={false}
                  defaultValue={1}
                  helperText="qf.complaint.escalation_help"
                />
              )}
            </Box>
          )}
        </FormDataConsumer>
        <TextInput source="customer" label={<Ruled label={`${F}.customer`} rule="C-1" />} fullWidth />
        <TextInput
          source="channel"
          label={<Ruled label={`${F}.channel`} rule="C-1" />}
          helperText="qf.complaint.channel_help"
          fullWidth
        />
        <DateTimeInput source="occurredAt" label={<Ruled label={`${F}.occurredAt`} rule="C-1" />} />
        <TextInput
          source="description"
          label={<Ruled label={`${F}.description`} rule="C-1" />}
          multiline
          minRows={4}
          fullWidth
        />
        <ReferenceInput source="unitId" reference="org-units">
          <AutocompleteInput optionText="name" label={<Ruled label={`${F}.unitId`} rule="C-1" />} fullWidth />
        </ReferenceInput>
        <EmployeesInput />
        <SelectInput
          source="severity"
          label={<Ruled label={`${F}.preliminarySeverity`} rule="C-2" />}
          choices={severityChoices}
          helperText="qf.complaint.preliminary_help"
          emptyText="qf.complaint.not_classified"
        />
      </SimpleForm>
    </Create>
  );
};
