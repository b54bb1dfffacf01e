import type { ComponentType } from 'react';
import {
  ArrayInput,
  AutocompleteInput,
  NumberInput,
  ReferenceInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
} from 'react-admin';
import type { z } from 'zod';
import type { TaskActionName, TaskView } from '@qf/contracts/cases';
import { causeChoices, personRoleChoices, severityChoices, verdictChoices } from '../components/choices';
import { RulingDataSchema, VerificationDataSchema } from '../complaints/schemas';

/**
 * A process-specific form for one stage. Its inputs use sources under `data.` and are rendered inside
 * TaskActions' dialog; the validated `data` object is sent with the action.
 */
export interface StageFormDef {
  component: ComponentType;
  schema: z.ZodType;
  /** Actions that carry the form's data (default: approve). */
  actions?: readonly TaskActionName[];
  defaultData?: Record<string, unknown>;
}

const F = 'resources.complaints.fields';

const VerificationForm = () => (
  <>
    <SelectInput source="data.verdict" label={`${F}.verdict`} choices={verdictChoices} fullWidth />
    <TextInput source="data.facts" label={`${F}.facts`} multiline minRows={3} fullWidth />
  </>
);

const RulingForm = () => (
  <>
    <SelectInput source="data.severity" label={`${F}.severity`} choices={severityChoices} fullWidth />
    <TextInput source="data.category" label={`${F}.category`} fullWidth />
    <SelectInput source="data.cause" label={`${F}.cause`} choices={causeChoices} fullWidth />
    <ArrayInput source="data.persons" label={`${F}.persons`}>
      <SimpleFormIterator inline disableReordering>
        <ReferenceInput source="employeeId" reference="employees">
          <AutocompleteInput label={`${F}.employeeId`} optionText="name" sx={{ minWidth: 200 }} />
        </ReferenceInput>
        <SelectInput source="role" label={`${F}.role`} choices={personRoleChoices} />
        <NumberInput source="points" label={`${F}.points`} step={0.5} min={0} />
      </SimpleFormIterator>
    </ArrayInput>
  </>
);

export const stageForms: Record<string, StageFormDef> = {
  'complaint:verify': { component: VerificationForm, schema: VerificationDataSchema },
  'complaint:rule': {
    component: RulingForm,
    schema: RulingDataSchema,
    defaultData: { persons: [{ role: 'responsible' }] },
  },
};

export const stageFormFor = (task: Pick<TaskView, 'kind' | 'stage'>): StageFormDef | undefined =>
  stageForms[`${task.kind}:${task.stage}`];
