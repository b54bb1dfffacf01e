import { Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { LabeledValue } from '../components/fields';
import { formatDateTime } from '../components/format';
import { RuleTag } from '../components/RuleTag';
import { TRACKING_LINES, type ServiceOrderRecord } from './model';

const T = 'qf.orders';
const F = 'resources.service-orders.fields';

export const LateChips = ({ r }: { r: ServiceOrderRecord }) => {
  const translate = useTranslate();
  if (!r.late)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate(`${T}.on_time`)}
      </Typography>
    );
  return (
    <Stack direction="row" spacing={0.5}>
      {r.lateRespondAt && <Chip size="small" color="error" label={translate(`${T}.late_respond`)} />}
      {r.lateCompleteAt && <Chip size="small" color="error" label={translate(`${T}.late_complete`)} />}
    </Stack>
  );
};

/** The order's facts, its moves (who, when) and its four tracking lines (K-1). */
export const OrderDetails = ({ order }: { order: ServiceOrderRecord }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dt = (v: string | null | undefined) => (v ? formatDateTime(v, locale) : '—');
  const stage = (s: string | null) => (s ? translate(`${T}.stage.${s}`) : '—');
  const tracked = new Map((order.tracking ?? []).map((t) => [t.line, t]));
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <LabeledValue variant="body1" label={translate(`${F}.orderNo`)} value={order.orderNo} testId="order-no" />
        <LabeledValue variant="body1" label={translate(`${F}.kind`)} value={translate(`${T}.kind.${order.kind}`)} />
        <LabeledValue variant="body1" label={translate(`${F}.stage`)} value={stage(order.stage)} testId="order-stage" />
        <LabeledValue variant="body1" label={translate(`${F}.unitName`)} value={order.unitName} />
        <LabeledValue
          variant="body1"
          label={translate(`${F}.handlerName`)}
          value={order.handlerName ?? '—'}
          testId="order-handler-name"
        />
        <LabeledValue variant="body1" label={translate(`${F}.acceptedAt`)} value={dt(order.acceptedAt)} />
        <LabeledValue variant="body1" label={translate(`${F}.respondDueAt`)} value={dt(order.respondDueAt)} />
        <LabeledValue variant="body1" label={translate(`${F}.completeDueAt`)} value={dt(order.completeDueAt)} />
        <LabeledValue
          variant="body1"
          label={translate(`${F}.late`)}
          value={<LateChips r={order} />}
          valueComponent="div"
        />
        <LabeledValue
          variant="body1"
          label={translate(`${F}.redispatchCount`)}
          value={order.redispatchCount}
          testId="order-redispatch-count"
        />
      </Stack>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <RuleTag rule="K-1" />
        <Typography variant="subtitle1">{translate(`${T}.moves`)}</Typography>
      </Stack>
      <Table size="small" data-testid="order-moves">
        <TableHead>
          <TableRow>
            <TableCell>{translate(`${T}.move_at`)}</TableCell>
            <TableCell>{translate(`${T}.move_from`)}</TableCell>
            <TableCell>{translate(`${T}.move_to`)}</TableCell>
            <TableCell>{translate(`${T}.move_actor`)}</TableCell>
            <TableCell>{translate(`${T}.move_note`)}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(order.moves ?? []).map((m) => (
            <TableRow key={m.id}>
              <TableCell>{dt(m.at)}</TableCell>
              <TableCell>{stage(m.fromStage)}</TableCell>
              <TableCell>{stage(m.toStage)}</TableCell>
              <TableCell>{m.actorName}</TableCell>
              <TableCell>{m.note ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="subtitle1">{translate(`${T}.tracking`)}</Typography>
      <Table size="small" data-testid="order-tracking">
        <TableBody>
          {TRACKING_LINES.map((l) => {
            const t = tracked.get(l);
            return (
              <TableRow key={l}>
                <TableCell sx={{ width: 160 }}>{translate(`${T}.line.${l}`)}</TableCell>
                <TableCell>{t ? t.value : translate(`${T}.tracking_empty`)}</TableCell>
                <TableCell>{t ? `${t.recordedByName ?? ''} ${dt(t.recordedAt)}` : ''}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Stack>
  );
};
