import { useState, type FormEvent } from 'react';
import AssignIcon from '@mui/icons-material/AssignmentInd';
import {
  Alert,
  Box,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { Button, Link, useTranslate } from 'react-admin';
import { ActionDialog } from '../components/ActionDialog';
import { LabeledValue } from '../components/fields';
import { problemOf, type Problem } from '../components/problem';
import { ProblemDetails } from '../components/ProblemDetails';
import { API_URL, httpClient } from '../dataProvider';
import { localDay, type AssignResult } from '../evaluations/model';

/** E-1's reasons (the rule records them in English) → the catalogue's sentence. */
const skipReasonKey = (reason: string): string => {
  const k = /only closed/.test(reason)
    ? 'not_closed'
    : /unified hotline/.test(reason)
      ? 'not_hotline'
      : /fault was already evaluated/.test(reason)
        ? 'fault_evaluated'
        : /already evaluated/.test(reason)
          ? 'already_evaluated'
          : null;
  return k ? `qf.process_ui.work_order.skip.${k}` : reason;
};

const Count = ({ label, value, testId }: { label: string; value: number; testId: string }) => (
  <LabeledValue label={label} value={value} testId={testId} minWidth={96} valueComponent="div" />
);

/**
 * "分配回访" (E-1/E-2/E-4): `POST /evaluations/assign {date, seed?}` for the orders closed that day; shows how many
 * orders were evaluable, how many evaluations went to foremen, dispatchers and managers, and why orders were skipped.
 * Idempotent on the api side: assigning the same day again adds nothing.
 */
export const AssignButton = () => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(() => localDay(-1));
  const [seed, setSeed] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [result, setResult] = useState<AssignResult | null>(null);

  const close = () => {
    if (busy) return;
    setOpen(false);
    setProblem(null);
    setResult(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setResult(null);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      setProblem({ status: null, message: translate('qf.work_order.assign.date_format'), details: [] });
      return;
    }
    setBusy(true);
    try {
      const { json } = await httpClient(`${API_URL}/evaluations/assign`, {
        method: 'POST',
        body: JSON.stringify({ date, seed: seed.trim() || undefined }),
      });
      setResult(json as AssignResult);
    } catch (err) {
      setProblem(problemOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button label="qf.work_order.assign.button" onClick={() => setOpen(true)}>
        <AssignIcon />
      </Button>
      <ActionDialog
        open={open}
        onClose={close}
        busy={busy}
        title={translate('qf.work_order.assign.title')}
        onSubmit={submit}
        confirmLabel="qf.work_order.assign.submit"
        cancelLabel="ra.action.close"
      >
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('qf.work_order.assign.help')}
        </Typography>
        <Stack direction="row" spacing={2} sx={{ mb: 2, mt: 1 }}>
          <TextField
            autoFocus
            type="date"
            label={translate('qf.work_order.assign.date')}
            value={date}
            onChange={(e) => setDate(e.target.value)}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'assign-date' } }}
          />
          <TextField
            label={translate('qf.work_order.assign.seed')}
            value={seed}
            onChange={(e) => setSeed(e.target.value)}
            placeholder={date}
            helperText={translate('qf.work_order.assign.seed_help')}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { maxLength: 64 } }}
          />
        </Stack>
        {busy && <LinearProgress sx={{ mb: 2 }} />}
        <ProblemDetails problem={problem} sx={{ mb: 2 }} />
        {result && (
          <Box data-testid="assign-result">
            <Alert severity="success" sx={{ mb: 2 }}>
              {translate('qf.work_order.assign.done', { date: result.date, seed: result.seed })}
            </Alert>
            <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
              <Count testId="assign-orders" label={translate('qf.work_order.assign.orders')} value={result.orders} />
              <Count
                testId="assign-evaluated"
                label={translate('qf.work_order.assign.evaluated')}
                value={result.evaluated}
              />
              <Count
                testId="assign-foreman"
                label={translate('qf.evaluation.kind.foreman')}
                value={result.assigned?.foreman ?? 0}
              />
              <Count
                testId="assign-dispatcher"
                label={translate('qf.evaluation.kind.dispatcher')}
                value={result.assigned?.dispatcher ?? 0}
              />
              <Count
                testId="assign-manager"
                label={translate('qf.evaluation.kind.manager')}
                value={result.assigned?.manager ?? 0}
              />
            </Stack>
            {result.skipped?.length > 0 ? (
              <>
                <Typography variant="subtitle2">
                  {translate('qf.work_order.assign.skipped', { n: result.skipped.length })}
                </Typography>
                <Box sx={{ maxHeight: 240, overflow: 'auto' }}>
                  <Table size="small" stickyHeader>
                    <TableHead>
                      <TableRow>
                        <TableCell>{translate('resources.work-orders.fields.orderNo')}</TableCell>
                        <TableCell>{translate('qf.work_order.assign.reason')}</TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {result.skipped.map((s, i) => (
                        <TableRow key={`${s.orderNo}-${i}`}>
                          <TableCell sx={{ whiteSpace: 'nowrap' }}>{s.orderNo}</TableCell>
                          <TableCell>{translate(skipReasonKey(s.reason), { _: s.reason })}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </Box>
              </>
            ) : (
              <Typography variant="body2" color="text.secondary">
                {translate('qf.work_order.assign.none_skipped')}
              </Typography>
            )}
            <Box sx={{ mt: 2 }}>
              <Link to={`/evaluations?filter=${encodeURIComponent(JSON.stringify({ mine: false, pending: true }))}`}>
                {translate('qf.work_order.assign.to_evaluations')}
              </Link>
            </Box>
          </Box>
        )}
      </ActionDialog>
    </>
  );
};
