import { useState, type FormEvent } from 'react';
import AddIcon from '@mui/icons-material/PlayArrow';
import { TextField, Typography } from '@mui/material';
import { Button, useCreate, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { MonthSchema } from '@qf/contracts/common';
import { ActionDialog } from './ActionDialog';
import { problemOf, type Problem } from './problem';
import { ProblemDetails } from './ProblemDetails';
import { previousMonth } from './format';

export interface StartMonthButtonProps {
  /** the resource whose create starts the month (`POST /<resource> {month}`: 201 new, 200 the month's existing one) */
  resource: string;
  /** catalogue prefix with button, title, help, submit, done and month_format */
  keys: string;
  monthLabel: string;
  monthHelp?: string;
  testId: string;
}

/**
 * "Start a month" for a monthly process (settlement, perception): asks for a finished month, creates it and opens its
 * page; a refusal (bad, locked or running month) stays in the dialog with the server's details.
 */
export const StartMonthButton = ({ resource, keys, monthLabel, monthHelp, testId }: StartMonthButtonProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const [create, { isPending }] = useCreate();
  const [open, setOpen] = useState(false);
  const [month, setMonth] = useState(() => previousMonth());
  const [localError, setLocalError] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  const close = () => {
    if (isPending) return;
    setOpen(false);
    setProblem(null);
    setLocalError(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const parsed = MonthSchema.safeParse(month.trim());
    if (!parsed.success) {
      setLocalError(translate(`${keys}.month_format`));
      return;
    }
    setLocalError(null);
    try {
      const created = await create(resource, { data: { month: parsed.data } }, { returnPromise: true });
      setOpen(false);
      notify(`${keys}.done`, { type: 'info', messageArgs: { month: parsed.data } });
      navigate(created?.id != null ? `/${resource}/${encodeURIComponent(String(created.id))}/show` : `/${resource}`);
    } catch (err) {
      setProblem(problemOf(err));
    }
  };

  return (
    <>
      <Button label={`${keys}.button`} onClick={() => setOpen(true)}>
        <AddIcon />
      </Button>
      <ActionDialog
        open={open}
        onClose={close}
        busy={isPending}
        maxWidth="xs"
        title={translate(`${keys}.title`)}
        onSubmit={submit}
        confirmLabel={`${keys}.submit`}
      >
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate(`${keys}.help`)}
        </Typography>
        <TextField
          autoFocus
          fullWidth
          type="month"
          label={translate(monthLabel)}
          value={month}
          onChange={(e) => setMonth(e.target.value)}
          placeholder={translate('qf.common.month_example')}
          error={!!localError || (problem?.details.some((d) => d.path === 'month') ?? false)}
          helperText={localError ?? (monthHelp ? translate(monthHelp) : ' ')}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': testId } }}
        />
        <ProblemDetails problem={problem} sx={{ mt: 2 }} />
      </ActionDialog>
    </>
  );
};
