import { useState, type FormEvent } from 'react';
import AddIcon from '@mui/icons-material/PlayArrow';
import { TextField, Typography } from '@mui/material';
import { Button, useCreate, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { MonthSchema } from '@qf/contracts/common';
import { ActionDialog } from '../components/ActionDialog';
import { problemOf, type Problem } from '../components/problem';
import { ProblemDetails } from '../components/ProblemDetails';
import { previousMonth, type SettlementRecord } from './model';

/**
 * "Start month close" (hr, admin): `POST /settlements {month}`; 201 a new close, 200 the month's existing one.
 * Either way we go to its show page; a 400 (bad or locked month) stays in the dialog with the server's details.
 */
export const StartSettlementButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const [create, { isPending }] = useCreate<SettlementRecord>();
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
      setLocalError(translate('qf.settlement.start.month_format'));
      return;
    }
    setLocalError(null);
    try {
      const created = await create('settlements', { data: { month: parsed.data } }, { returnPromise: true });
      setOpen(false);
      notify('qf.settlement.start.done', { type: 'info', messageArgs: { month: parsed.data } });
      navigate(created?.id != null ? `/settlements/${encodeURIComponent(String(created.id))}/show` : '/settlements');
    } catch (err) {
      setProblem(problemOf(err));
    }
  };

  return (
    <>
      <Button label="qf.settlement.start.button" onClick={() => setOpen(true)}>
        <AddIcon />
      </Button>
      <ActionDialog
        open={open}
        onClose={close}
        busy={isPending}
        maxWidth="xs"
        title={translate('qf.settlement.start.title')}
        onSubmit={submit}
        confirmLabel="qf.settlement.start.submit"
      >
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('qf.settlement.start.help')}
        </Typography>
        <TextField
          autoFocus
          fullWidth
          type="month"
          label={translate('resources.settlements.fields.month')}
          value={month}
          onChange={(e) => setMonth(e.target.value)}
          placeholder="YYYY-MM"
          error={!!localError || (problem?.details.some((d) => d.path === 'month') ?? false)}
          helperText={localError ?? translate('qf.process_ui.settlement.month_help')}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'settlement-month' } }}
        />
        <ProblemDetails problem={problem} sx={{ mt: 2 }} />
      </ActionDialog>
    </>
  );
};
