import { useState, type FormEvent } from 'react';
import { MenuItem, Stack, TextField } from '@mui/material';
import { Button, useGetList, useNotify, useRefresh, useTranslate } from 'react-admin';
import { ActionDialog } from '../components/ActionDialog';
import { detailMessage, problemOf, type Problem, type Translate } from '../components/problem';
import { ProblemDetails } from '../components/ProblemDetails';
import { API_URL, httpClient } from '../dataProvider';
import { NEXT_STAGE, TRACKING_LINES, type ServiceOrderRecord } from './model';
import { PersonPicker, UnitPicker, type Option } from './PersonPicker';

const T = 'qf.orders';

const useFieldError = (problem: Problem | null) => {
  const translate = useTranslate();
  return (path: string) => {
    const d = problem?.details.find((x) => x.path === path);
    return d ? { error: true, helperText: detailMessage(d, translate as Translate) } : {};
  };
};

/** K-1: the order's next move (to handling: the unit and the handler), as the dispatcher does it. */
export const MoveButton = ({ order }: { order: ServiceOrderRecord }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const next = NEXT_STAGE[order.stage];
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [unit, setUnit] = useState<Option | null>({ id: order.unitId, label: order.unitName });
  const [handler, setHandler] = useState<Option | null>(null);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const fieldError = useFieldError(problem);
  const units = useGetList<{ id: string; name: string }>(
    'org-units',
    { pagination: { page: 1, perPage: 500 }, sort: { field: 'name', order: 'ASC' } },
    { enabled: open && next === 'handling' },
  );
  if (!next) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await httpClient(`${API_URL}/service-orders/${order.id}/moves`, {
        method: 'POST',
        body: JSON.stringify({
          to: next,
          ...(next === 'handling' && unit ? { unitId: unit.id } : {}),
          ...(next === 'handling' && handler ? { handlerId: handler.id } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        }),
      });
      setOpen(false);
      notify(`${T}.move_done`, { type: 'info' });
      refresh();
    } catch (err) {
      setProblem(problemOf(err));
    } finally {
      setBusy(false);
    }
  };
  const stageLabel = translate(`${T}.stage.${next}`);
  return (
    <>
      <Button
        label={translate(`${T}.move_button`, { stage: stageLabel })}
        onClick={() => setOpen(true)}
        data-testid="order-move"
      />
      <ActionDialog
        open={open}
        onClose={() => !busy && setOpen(false)}
        busy={busy}
        title={translate(`${T}.move_title`, { orderNo: order.orderNo })}
        onSubmit={submit}
        confirmLabel="ra.action.confirm"
        confirmTestId="order-move-confirm"
      >
        <Stack spacing={2} sx={{ pt: 1 }}>
          {next === 'handling' && (
            <>
              <UnitPicker
                label={translate(`${T}.unit`)}
                value={unit}
                onChange={setUnit}
                options={(units.data ?? []).map((u) => ({ id: u.id, label: u.name }))}
                error={fieldError('unitId')}
              />
              <PersonPicker
                label={translate(`${T}.handler`)}
                value={handler}
                onChange={setHandler}
                error={fieldError('handlerId')}
                testId="order-handler"
              />
            </>
          )}
          <TextField
            label={translate('resources.service-orders.fields.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            multiline
            minRows={2}
          />
          <ProblemDetails problem={problem} />
        </Stack>
      </ActionDialog>
    </>
  );
};

/** K-1: one of the four tracking lines (a new value replaces the line's earlier one). */
export const TrackButton = ({ order }: { order: ServiceOrderRecord }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [line, setLine] = useState<string>(TRACKING_LINES[0]);
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const fieldError = useFieldError(problem);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await httpClient(`${API_URL}/service-orders/${order.id}/tracking`, {
        method: 'PUT',
        body: JSON.stringify({ line, value }),
      });
      setOpen(false);
      setValue('');
      notify(`${T}.track_done`, { type: 'info' });
      refresh();
    } catch (err) {
      setProblem(problemOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button label={`${T}.track_button`} onClick={() => setOpen(true)} data-testid="order-track" />
      <ActionDialog
        open={open}
        onClose={() => !busy && setOpen(false)}
        busy={busy}
        title={translate(`${T}.track_title`, { orderNo: order.orderNo })}
        onSubmit={submit}
        confirmLabel="ra.action.save"
        confirmTestId="order-track-confirm"
      >
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField
            select
            label={translate(`${T}.tracking`)}
            value={line}
            onChange={(e) => setLine(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'order-track-line' } }}
          >
            {TRACKING_LINES.map((l) => (
              <MenuItem key={l} value={l}>
                {translate(`${T}.line.${l}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={translate(`${T}.value`)}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            multiline
            minRows={2}
            {...fieldError('value')}
            slotProps={{ htmlInput: { 'data-testid': 'order-track-value' } }}
          />
          <ProblemDetails problem={problem} />
        </Stack>
      </ActionDialog>
    </>
  );
};
