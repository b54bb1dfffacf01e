import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import {
  Form,
  HttpError,
  SaveButton,
  TextInput,
  useDataProvider,
  useLogoutIfAccessDenied,
  useNotify,
  useRedirect,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { CaseDetail, TaskActionInput, TaskActionName, TaskView } from '@qf/contracts/cases';
import type { QualityFlowDataProvider } from '../dataProvider';
import { zodValidate } from '../components/zodValidate';
import { problemOf } from '../components/problem';
import { ProblemNotice } from '../components/ProblemDetails';
import type { StageFormDef } from './stageForms';
import { usePhone } from '../layout/usePhone';

export interface TaskActionsProps {
  task: Pick<TaskView, 'id' | 'caseId' | 'allowedActions' | 'status'> & { claimedBy?: string | null };
  /** Process-specific inputs (under `data.`) sent with the actions it names. */
  stageForm?: StageFormDef;
  /** Default: refresh and go to the case page. */
  onSuccess?: (updated: CaseDetail, action: TaskActionName) => void;
}

const NEEDS_COMMENT: readonly TaskActionName[] = ['reject', 'comment'];
const NEEDS_TARGET: readonly TaskActionName[] = ['delegate', 'add-signer'];
const COLOR: Partial<Record<TaskActionName, 'primary' | 'error' | 'warning' | 'inherit'>> = {
  approve: 'primary',
  reject: 'error',
  return: 'warning',
  withdraw: 'warning',
};

interface FormValues {
  comment?: string;
  target?: string;
  data?: Record<string, unknown>;
}

/** An action's name as its button says it: the stage's own words (提出申诉), else the generic ones (驳回). */
const actionLabel = (translate: (k: string, o?: object) => string, stageForm: StageFormDef | undefined, a: string) =>
  translate(stageForm?.actionText?.[a as TaskActionName]?.label ?? `qf.actions.${a}`, { _: a });

const useSubmitAction = (
  task: TaskActionsProps['task'],
  stageForm: StageFormDef | undefined,
  onSuccess?: TaskActionsProps['onSuccess'],
) => {
  const dataProvider = useDataProvider<QualityFlowDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const translate = useTranslate();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();

  return async (input: TaskActionInput): Promise<Record<string, unknown> | undefined> => {
    try {
      const { data } = await dataProvider.taskAction(task.id, input);
      notify('qf.task.done', {
        type: 'success',
        messageArgs: { action: actionLabel(translate, stageForm, input.action) },
      });
      refresh();
      if (onSuccess) onSuccess(data, input.action);
      else if (input.action !== 'claim') redirect('show', 'cases', task.caseId);
      return undefined;
    } catch (error) {
      if (await logoutIfAccessDenied(error)) return undefined;
      // 409 "already decided", 400 rule violations…: in the user's language with the rules as tags (README "Errors")
      notify(<ProblemNotice problem={problemOf(error)} />, { type: 'error' });
      const errors =
        error instanceof HttpError ? (error.body?.errors as Record<string, unknown> | undefined) : undefined;
      if (!errors) return undefined;
      // Server paths name fields of the action body; stage inputs live under `data.`.
      const mapped: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(errors)) {
        if (k === 'root') continue;
        mapped[k === 'comment' || k === 'action' || k.startsWith('data.') ? k : `data.${k}`] = v;
      }
      return mapped;
    }
  };
};

const ActionDialog = ({
  action,
  stageForm,
  onClose,
  submit,
}: {
  action: TaskActionName;
  stageForm?: StageFormDef;
  onClose: () => void;
  submit: (input: TaskActionInput) => Promise<Record<string, unknown> | undefined>;
}) => {
  const translate = useTranslate();
  const phone = usePhone();
  const withData = !!stageForm && (stageForm.actions ?? ['approve']).includes(action);
  const StageInputs = withData ? stageForm.component : null;
  const text = stageForm?.actionText?.[action];

  const validate = (values: FormValues) => {
    const errors: Record<string, unknown> = {};
    if ((NEEDS_COMMENT.includes(action) || text?.commentRequired) && !values.comment?.trim()) {
      errors.comment =
        text?.commentRequired ??
        (action === 'reject' ? 'qf.task.comment_required' : 'qf.task.comment_required_generic');
    }
    if (NEEDS_TARGET.includes(action) && !values.target?.trim()) errors.target = 'qf.task.target_required';
    if (withData) {
      const dataErrors = zodValidate(stageForm.schema)(values.data ?? {});
      if (Object.keys(dataErrors).length) errors.data = dataErrors;
    }
    return errors;
  };

  const onSubmit = async (values: FormValues) => {
    const data: Record<string, unknown> | undefined = withData
      ? { ...(values.data ?? {}) }
      : NEEDS_TARGET.includes(action)
        ? { username: values.target?.trim() }
        : undefined;
    const errors = await submit({ action, comment: values.comment?.trim() || undefined, data });
    if (!errors) onClose();
    return errors;
  };

  return (
    <Dialog open onClose={onClose} fullWidth fullScreen={phone} maxWidth={withData ? 'md' : 'sm'}>
      <Form
        record={{}}
        defaultValues={{ comment: '', data: stageForm?.defaultData ?? {} }}
        validate={validate as (v: Record<string, unknown>) => Record<string, unknown>}
        onSubmit={onSubmit as (v: Record<string, unknown>) => Promise<Record<string, unknown> | undefined>}
        sanitizeEmptyValues
      >
        <DialogTitle>{actionLabel(translate, stageForm, action)}</DialogTitle>
        <DialogContent>
          {text?.help && (
            <Typography variant="body2" color="text.secondary" gutterBottom>
              {translate(text.help)}
            </Typography>
          )}
          {StageInputs && (
            <>
              <Typography variant="subtitle2" gutterBottom>
                {translate('qf.task.stage_form')}
              </Typography>
              <StageInputs />
            </>
          )}
          {NEEDS_TARGET.includes(action) && <TextInput source="target" label="qf.task.target_user" fullWidth />}
          <TextInput source="comment" label={text?.comment ?? 'qf.task.comment'} multiline minRows={2} fullWidth />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
          <SaveButton label="qf.task.submit" alwaysEnable />
        </DialogActions>
      </Form>
    </Dialog>
  );
};

/** Buttons for a task's allowed actions; claim is separate because it needs no input. */
export const TaskActions = ({ task, stageForm, onSuccess }: TaskActionsProps) => {
  const translate = useTranslate();
  const submit = useSubmitAction(task, stageForm, onSuccess);
  const [open, setOpen] = useState<TaskActionName | null>(null);
  const [claiming, setClaiming] = useState(false);
  // actions a stage's panel performs itself (e.g. the monthly scores' 提交) are not offered twice
  const actions = (task.allowedActions ?? []).filter((a) => a !== 'claim' && !stageForm?.hidden?.includes(a));
  // a pool task once claimed is no longer claimable
  const canClaim = (task.allowedActions ?? []).includes('claim') && !task.claimedBy;

  if (!canClaim && actions.length === 0) {
    return <Typography color="text.secondary">{translate('qf.task.no_actions')}</Typography>;
  }

  return (
    <Stack spacing={2}>
      {canClaim && (
        <div>
          <Button
            variant="outlined"
            disabled={claiming}
            onClick={async () => {
              setClaiming(true);
              await submit({ action: 'claim' });
              setClaiming(false);
            }}
          >
            {translate('qf.actions.claim')}
          </Button>
        </div>
      )}
      {actions.length > 0 && (
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {actions.map((a) => (
            <Button
              key={a}
              variant={a === 'approve' ? 'contained' : 'outlined'}
              color={COLOR[a] ?? 'inherit'}
              onClick={() => setOpen(a)}
            >
              {actionLabel(translate, stageForm, a)}
            </Button>
          ))}
        </Stack>
      )}
      {open && <ActionDialog action={open} stageForm={stageForm} onClose={() => setOpen(null)} submit={submit} />}
    </Stack>
  );
};
