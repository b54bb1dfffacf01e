import { useState } from 'react';
import { MenuItem, Stack, TextField } from '@mui/material';
import { Button, useGetList, useTranslate } from 'react-admin';
import { ActionDialog } from '../components/ActionDialog';
import { ProblemDetails } from '../components/ProblemDetails';
import { API_URL, httpClient } from '../dataProvider';
import { NEXT_STAGE, TRACKING_LINES, type ServiceOrderRecord } from './model';
import { PersonPicker, UnitPicker, type Option } from './PersonPicker';
import { useDialogAction } from './useDialogAction';

const T = 'qf.orders';

/** K-1: the order's next move (to handling: the unit and the handler), as the dispatcher does it. */
export const MoveButton = ({ order }: { order: ServiceOrderRecord }) => {
  const translate = useTranslate();
  const next = NEXT_STAGE[order.stage];
  const [unit, setUnit] = useState<Option | null>({ id: order.unitId, label: order.unitName });
  const [handler, setHandler] = useState<Option | null>(null);
  const [note, setNote] = useState('');
  const { open, show, close, busy, problem, fieldError, submitWith } = useDialogAction(`${T}.move_done`);
  const units = useGetList<{ id: string; name: string }>(
    'org-units',
    { pagination: { page: 1, perPage: 500 }, sort: { field: 'name', order: 'ASC' } },
    { enabled: open && next === 'handling' },
  );
  if (!next) return null;
  const submit = submitWith(() =>
    httpClient(`${API_URL}/service-orders/${order.id}/moves`, {
      method: 'POST',
      body: JSON.stringify({
        to: next,
        ...(next === 'handling' && unit ? { unitId: unit.id } : {}),
        ...(next === 'handling' && handler ? { handlerId: handler.id } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    }),
  );
  const stageLabel = translate(`${T}.stage.${next}`);
  return (
    <>
      <Button label={translate(`${T}.move_button`, { stage: stageLabel })} onClick={show} data-testid="order-move" />
      <ActionDialog
        open={open}
        onClose={close}
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
  const [line, setLine] = useState<string>(TRACKING_LINES[0]);
  const [value, setValue] = useState('');
  const { open, show, close, busy, problem, fieldError, submitWith } = useDialogAction(`${T}.track_done`, () =>
    setValue(''),
  );
  const submit = submitWith(() =>
    httpClient(`${API_URL}/service-orders/${order.id}/tracking`, {
      method: 'PUT',
      body: JSON.stringify({ line, value }),
    }),
  );
  return (
    <>
      <Button label={`${T}.track_button`} onClick={show} data-testid="order-track" />
      <ActionDialog
        open={open}
        onClose={close}
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
