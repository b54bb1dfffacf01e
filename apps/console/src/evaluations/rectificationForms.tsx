import { TextInput } from 'react-admin';
import { z } from 'zod';

// Messages are react-admin translation keys, so they show in the console's language (as complaints/schemas.ts).
const REQUIRED = 'ra.validation.required';
const requiredText = z.string({ message: REQUIRED }).trim().min(1, REQUIRED).max(5000);

/** E-7 (the api checks the same three fields with RectificationPlanSchema). */
export const RectificationPlanFormSchema = z.object({
  revisit: requiredText,
  causes: requiredText,
  plan: requiredText,
});

/** E-7 internal note of a foreman's dissatisfied self-evaluation. */
export const RectificationNoteSchema = z.object({ note: requiredText });

const F = 'qf.rectification_form';

/** Stage form of `rectification:plan` (inputs under `data.`, rendered in TaskActions' dialog). */
export const RectificationPlanForm = () => (
  <>
    <TextInput source="data.revisit" label={`${F}.revisit`} helperText={`${F}.revisit_help`} multiline minRows={2} fullWidth />
    <TextInput source="data.causes" label={`${F}.causes`} helperText={`${F}.causes_help`} multiline minRows={2} fullWidth />
    <TextInput source="data.plan" label={`${F}.plan`} helperText={`${F}.plan_help`} multiline minRows={3} fullWidth />
  </>
);

/** Stage form of `rectification:note`. */
export const RectificationNoteForm = () => (
  <TextInput source="data.note" label={`${F}.note`} helperText={`${F}.note_help`} multiline minRows={3} fullWidth />
);
