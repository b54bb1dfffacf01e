import { useState } from 'react';
import ScienceIcon from '@mui/icons-material/Science';
import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { Button, useDataProvider, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { hasRole } from '../authProvider/access';
import { problemOf } from '../components/problem';
import { lastMonths, monthRange } from './model';

/**
 * 模拟 on a draft policy (admins): asks for a range of recorded months, starts `POST /simulations` against the policy
 * in effect and opens the result page.
 */
export const SimulateButton = () => {
  const record = useRecordContext<{ id: string | number; version: number; status: string }>();
  const { permissions } = usePermissions();
  const dataProvider = useDataProvider();
  const navigate = useNavigate();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [[from, to], setRange] = useState(() => lastMonths(3));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!record || record.status !== 'draft' || !hasRole(permissions, [])) return null;
  const months = monthRange(from, to);
  const submit = async () => {
    if (months.length === 0) {
      setError(translate('qf.simulation.bad_range'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { data } = await dataProvider.create('simulations', { data: { policyVersion: record.version, months } });
      setOpen(false);
      navigate(`/simulations/${encodeURIComponent(String(data.id))}/show`);
    } catch (e) {
      const p = problemOf(e);
      setError(translate(p.message, { _: p.message }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button label="qf.simulation.button" onClick={() => setOpen(true)} data-testid="simulate">
        <ScienceIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>
          {translate('qf.simulation.dialog_title', {
            version: translate('qf.simulation.version', { version: record.version }),
          })}
        </DialogTitle>
        <DialogContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('qf.simulation.dialog_help')}
          </Typography>
          <Stack direction="row" spacing={2}>
            <TextField
              type="month"
              label={translate('qf.simulation.from')}
              value={from}
              onChange={(e) => setRange([e.target.value, to])}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'simulate-from' } }}
            />
            <TextField
              type="month"
              label={translate('qf.simulation.to')}
              value={to}
              onChange={(e) => setRange([from, e.target.value])}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'simulate-to' } }}
            />
          </Stack>
          <Typography variant="body2" sx={{ mt: 1 }}>
            {translate('qf.simulation.month_count', { n: months.length })}
          </Typography>
          {error && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {error}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
          <Button label="qf.simulation.start" onClick={submit} disabled={busy} data-testid="simulate-start" />
        </DialogActions>
      </Dialog>
    </>
  );
};
