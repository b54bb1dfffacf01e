import { useState, type FormEvent } from 'react';
import AddIcon from '@mui/icons-material/PlayArrow';
import { TextField, Typography } from '@mui/material';
import { Button, useCreate, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { MonthSchema } from '@qf/contracts/common';
import { ActionDialog } from '../components/ActionDialog';
import { problemOf, type Problem } from '../components/problem';
import { ProblemDetails } from '../components/ProblemDetails';
import { previousMonth, type PerceptionMonthRecord } from './model';

/** 发起月度考核 (quality, admin): `POST /perception-months {month}`; a month still running is refused (409). */
export const StartPerceptionButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const [create, { isPending }] = useCreate<PerceptionMonthRecord>();
  const [open, setOpen] = useState(false);
  const [month, setMonth] = useState(previousMonth);
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
      setLocalError(translate('qf.perception.start.month_format'));
      return;
    }
    setLocalError(null);
    try {
      const created = await create('perception-months', { data: { month: parsed.data } }, { returnPromise: true });
      setOpen(false);
      notify('qf.perception.start.done', { type: 'info', messageArgs: { month: parsed.data } });
      navigate(`/perception-months/${encodeURIComponent(String(created?.id ?? parsed.data))}/show`);
    } catch (err) {
      setProblem(problemOf(err));
    }
  };
  return (
    <>
      <Button label="qf.perception.start.button" onClick={() => setOpen(true)}>
        <AddIcon />
      </Button>
      <ActionDialog
        open={open}
        onClose={close}
        busy={isPending}
        maxWidth="xs"
        title={translate('qf.perception.start.title')}
        onSubmit={submit}
        confirmLabel="qf.perception.start.submit"
      >
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('qf.perception.start.help')}
        </Typography>
        <TextField
          autoFocus
          fullWidth
          type="month"
          label={translate('resources.perception-months.fields.month')}
          value={month}
          onChange={(e) => setMonth(e.target.value)}
          error={!!localError}
          helperText={localError ?? ' '}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'perception-month' } }}
        />
        <ProblemDetails problem={problem} sx={{ mt: 2 }} />
      </ActionDialog>
    </>
  );
};
