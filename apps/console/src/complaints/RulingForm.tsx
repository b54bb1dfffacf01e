import { useContext, useEffect, useMemo, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  ArrayInput,
  AutocompleteInput,
  NumberInput,
  SelectInput,
  ShowContext,
  SimpleFormIterator,
  useGetList,
  useGetOne,
  useSourceContext,
  useTranslate,
} from 'react-admin';
import type { Policy, RulingRole, Severity } from '@qf/policy';
import type { TaskView } from '@qf/contracts/cases';
import { causeChoices, PERSON_ROLES, severityChoices } from '../components/choices';
import { allowedRange, rangeText, rulingLive, useReportingChain, type ChainEntry, type EmployeeRef } from './ruling';
import { usePolicy, type ComplaintView } from './shared';

const F = 'resources.complaints.fields';

/** The complaint behind the task whose page shows the dialog (TaskShow's record), if any. */
export const useTaskComplaint = (): ComplaintView | undefined => {
  const task = useContext(ShowContext)?.record as Partial<TaskView> | undefined;
  const caseId = task?.kind === 'complaint' ? task.caseId : undefined;
  const { data } = useGetOne<ComplaintView>('complaints', { id: caseId ?? '' }, { enabled: !!caseId });
  return data;
};

/** 姓名（工号） of an employee record. */
export const employeeText = (e: EmployeeRef) => (e.code ? `${e.name}（${e.code}）` : e.name);

/**
 * The case's pinned policy (what the api checks against), handed to the stage-form schema with the order's
 * escalation level and translate, while the form is shown.
 */
export const useRulingChecks = (complaint: ComplaintView | undefined) => {
  const translate = useTranslate();
  const policy = usePolicy(complaint ? (complaint.policyVersion ?? 'current') : undefined);
  const registered = complaint?.complaint ?? complaint;
  const escalationLevel = registered?.source === 'escalated-order' ? (registered.escalationLevel ?? 0) : 0;
  rulingLive.policy = policy;
  rulingLive.escalationLevel = escalationLevel;
  rulingLive.translate = translate;
  rulingLive.ruling = complaint?.ruling
    ? {
        severity: complaint.ruling.severity as Severity,
        persons: complaint.ruling.persons.map((p) => ({ employeeId: p.employeeId, role: p.role as RulingRole })),
      }
    : undefined;
  useEffect(
    () => () => {
      rulingLive.policy = undefined;
      rulingLive.ruling = undefined;
      rulingLive.escalationLevel = 0;
    },
    [],
  );
  return { policy, escalationLevel };
};

/** The allowed points of a role at a severity, as helper text (C-3, C-6). */
export const useRangeHelper = () => {
  const translate = useTranslate();
  return (
    policy: Policy | undefined,
    severity: Severity | undefined,
    role: RulingRole | undefined,
    escalationLevel: number,
  ) => {
    if (!policy || !severity || !role) return translate('qf.complaint.range_pick');
    const range = allowedRange(policy, severity, role, escalationLevel);
    if (!range) return translate('qf.complaint.range_none');
    const t = rangeText(range);
    return t.exact
      ? translate('qf.complaint.range_exact', { value: t.min })
      : translate('qf.complaint.range', { min: t.min, max: t.max });
  };
};

interface RulingContextValue {
  policy?: Policy;
  severity?: Severity;
  escalationLevel: number;
}

/** Points input of one person row: the allowed range of its role at the chosen severity as helper text. */
const PointsInput = ({ ctx }: { ctx: RulingContextValue }) => {
  const sourceContext = useSourceContext();
  const role = useWatch({ name: sourceContext.getSource('role') }) as RulingRole | undefined;
  const helper = useRangeHelper()(ctx.policy, ctx.severity, role, ctx.escalationLevel);
  return <NumberInput source="points" label={`${F}.points`} step={0.5} helperText={helper} sx={{ minWidth: 200 }} />;
};

type EmployeeChoice = { id: string; name: string; group: string };

/** Employee picker: the complaint's employees and their reporting chain first, then a search of all employees. */
const EmployeeInput = ({ chain }: { chain: ChainEntry[] }) => {
  const translate = useTranslate();
  const sourceContext = useSourceContext();
  const selected = useWatch({ name: sourceContext.getSource('employeeId') }) as string | undefined;
  const [q, setQ] = useState('');
  const { data: found, isPending } = useGetList<EmployeeRef>('employees', {
    filter: q ? { q } : {},
    pagination: { page: 1, perPage: 25 },
    sort: { field: 'name', order: 'ASC' },
  });
  const inChain = chain.some((c) => c.employee.id === selected);
  const { data: selectedRecord } = useGetOne<EmployeeRef>(
    'employees',
    { id: selected ?? '' },
    { enabled: !!selected && !inChain },
  );
  const choices = useMemo(() => {
    const chainGroup = translate('qf.complaint.chain_group');
    const otherGroup = translate('qf.complaint.other_group');
    const out: EmployeeChoice[] = chain.map((c) => ({
      id: c.employee.id,
      name: `${employeeText(c.employee)} · ${translate(`qf.complaint.chain.${c.relation}`)}`,
      group: chainGroup,
    }));
    const seen = new Set(out.map((c) => c.id));
    for (const e of [...(selectedRecord ? [selectedRecord] : []), ...(found ?? [])]) {
      if (!e?.id || seen.has(e.id)) continue;
      seen.add(e.id);
      out.push({ id: e.id, name: employeeText(e), group: otherGroup });
    }
    return out;
  }, [chain, found, selectedRecord, translate]);
  return (
    <AutocompleteInput
      source="employeeId"
      label={`${F}.employeeId`}
      choices={choices}
      optionText="name"
      translateChoice={false}
      groupBy={(c: EmployeeChoice) => c.group}
      setFilter={setQ}
      isPending={isPending && choices.length === 0}
      sx={{ minWidth: 260 }}
    />
  );
};

/**
 * C-3…C-6 ruling form: categories of the chosen severity (C-4), the allowed points range of each person's role
 * (C-3, C-6 for escalated orders), employees from the complaint's reporting chain first. The api checks the
 * ranges against the case's pinned policy; its messages appear under the inputs.
 */
export const RulingForm = () => {
  const translate = useTranslate();
  const record = useTaskComplaint();
  const { policy, escalationLevel } = useRulingChecks(record);
  const complaint = record?.complaint ?? record;
  const employeeIds = useMemo(() => complaint?.employeeIds ?? [], [complaint]);
  const { entries: chain } = useReportingChain(employeeIds);
  const severity = useWatch({ name: 'data.severity' }) as Severity | undefined;
  const category = useWatch({ name: 'data.category' }) as string | undefined;
  const { setValue } = useFormContext();
  const ctx: RulingContextValue = { policy, severity, escalationLevel };

  const categoryChoices = useMemo(
    () =>
      policy && severity
        ? policy.complaints.severities[severity].categories.map((c) => ({ id: c.key, name: c.label }))
        : [],
    [policy, severity],
  );
  // A category belongs to one severity class (C-4): changing the class clears a category it does not list.
  useEffect(() => {
    if (policy && severity && category && !categoryChoices.some((c) => c.id === category)) {
      setValue('data.category', '', { shouldDirty: true });
    }
  }, [policy, severity, category, categoryChoices, setValue]);

  const roleChoices = useMemo(
    () =>
      PERSON_ROLES.map((id) => ({
        id,
        name: `qf.complaint.person_role.${id}`,
        disabled: !!policy && !!severity && !allowedRange(policy, severity, id, escalationLevel),
      })),
    [policy, severity, escalationLevel],
  );

  return (
    <>
      <SelectInput source="data.severity" label={`${F}.severity`} choices={severityChoices} fullWidth />
      <SelectInput
        source="data.category"
        label={`${F}.category`}
        choices={categoryChoices}
        translateChoice={false}
        disabled={!severity}
        helperText={severity ? undefined : translate('qf.complaint.category_pick')}
        isPending={!!severity && !policy}
        fullWidth
      />
      <SelectInput source="data.cause" label={`${F}.cause`} choices={causeChoices} fullWidth />
      <ArrayInput source="data.persons" label={`${F}.persons`}>
        <SimpleFormIterator inline disableReordering>
          <EmployeeInput chain={chain} />
          <SelectInput source="role" label={`${F}.role`} choices={roleChoices} sx={{ minWidth: 160 }} />
          <PointsInput ctx={ctx} />
        </SimpleFormIterator>
      </ArrayInput>
    </>
  );
};
