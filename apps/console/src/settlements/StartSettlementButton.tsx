import { useState, type FormEvent } from 'react';
import AddIcon from '@mui/icons-material/PlayArrow';
import {
  Alert,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
  Typography,
} from '@mui/material';
import { Button, HttpError, useCreate, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { MonthSchema, type ApiErrorBody } from '@qf/contracts/common';
import { previousMonth, type SettlementRecord } from './model';

interface Problem {
  message: string;
  details: { path: string; message: string; rule?: string }[];
}

const problemOf = (e: unknown): Problem => {
  if (e instanceof HttpError) {
    const body = e.body as Partial<ApiErrorBody> | undefined;
    return {
      message: typeof body?.message === 'string' ? body.message : e.message,
      details: Array.isArray(body?.details) ? body.details : [],
    };
  }
  return { message: (e as Error)?.message || 'ra.notification.http_error', details: [] };
};

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
      <Dialog open={open} onClose={close} maxWidth="xs" fullWidth>
        <form onSubmit={submit} noValidate>
          <DialogTitle>{translate('qf.settlement.start.title')}</DialogTitle>
          <DialogContent>
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
              helperText={localError ?? 'YYYY-MM'}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'settlement-month' } }}
            />
            {problem && (
              <Alert severity="error" sx={{ mt: 2 }}>
                <div>{translate(problem.message, { _: problem.message })}</div>
                {problem.details.map((d, i) => (
                  <div key={`${d.path}-${i}`}>
                    {d.path ? `${d.path}: ` : ''}
                    {d.message}
                    {d.rule ? ` (${d.rule})` : ''}
                  </div>
                ))}
              </Alert>
            )}
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={close} disabled={isPending}>
              {translate('ra.action.cancel')}
            </MuiButton>
            <MuiButton type="submit" variant="contained" disabled={isPending}>
              {translate('qf.settlement.start.submit')}
            </MuiButton>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
};
