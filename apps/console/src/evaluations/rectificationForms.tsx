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
    <TextInput
      source="data.revisit"
      label={`${F}.revisit`}
      helperText={`${F}.revisit_help`}
      multiline
      minRows={2}
      fullWidth
    />
    <TextInput
      source="data.causes"
      label={`${F}.causes`}
      helperText={`${F}.causes_help`}
      multiline
      minRows={2}
      fullWidth
    />
    <TextInput source="data.plan" label={`${F}.plan`} helperText={`${F}.plan_help`} multiline minRows={3} fullWidth />
  </>
);

/** Stage form of `rectification:note`. */
export const RectificationNoteForm = () => (
  <TextInput source="data.note" label={`${F}.note`} helperText={`${F}.note_help`} multiline minRows={3} fullWidth />
);

/** A stage whose actions carry no data (the dialog shows only the comment). */
export const NoRectificationInputs = () => null;
export const NoRectificationDataSchema = z.object({}).passthrough();

const A = 'qf.process_ui.actions';

/** What each action means at the rectification stages (button and dialog labels, hints). */
export const rectificationActionText = {
  plan: { approve: { label: `${A}.rect_submit_plan` } },
  review: {
    approve: { label: `${A}.rect_confirm`, help: `${A}.rect_confirm_help` },
    reject: { label: `${A}.rect_reopen`, help: `${A}.rect_reopen_help`, comment: `${A}.rect_reopen_comment` },
  },
  note: { approve: { label: `${A}.rect_submit_note` } },
} as const;

/** What each action means at the settlement stages. */
export const settlementActionText = {
  confirm: {
    approve: { label: `${A}.settlement_confirm`, help: `${A}.settlement_confirm_help` },
    reject: {
      label: `${A}.settlement_reject`,
      help: `${A}.settlement_reject_help`,
      comment: `${A}.settlement_reject_comment`,
    },
  },
  approve: {
    approve: { label: `${A}.settlement_approve`, help: `${A}.settlement_approve_help` },
    return: {
      label: `${A}.settlement_return`,
      help: `${A}.settlement_return_help`,
      comment: `${A}.settlement_return_comment`,
    },
  },
} as const;
