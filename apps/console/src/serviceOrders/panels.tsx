import { useState } from 'react';
import { Alert, Card, CardContent, CircularProgress, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useGetOne, useLocaleState, useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { z } from 'zod';
import type { TaskView } from '@qf/contracts/cases';
import { LabeledValue } from '../components/fields';
import { formatDateTime, formatFen } from '../components/format';
import { messageOf } from '../components/problem';
import { RuleTag } from '../components/RuleTag';
import { API_URL, httpClient } from '../dataProvider';
import type { ServiceOrderRecord } from './model';
import { OrderDetails } from './OrderDetails';
import { PersonPicker, type Option } from './PersonPicker';

const T = 'qf.orders.redispatch';

/** 重新派单 (order-redispatch:redispatch): the late order, its deadlines, moves and tracking lines (K-2). */
export const RedispatchPanel = ({ task }: { task: TaskView }) => {
  const translate = useTranslate();
  const c = useGetOne<{ id: string; data: { orderId: string } }>('cases', { id: task.caseId });
  const orderId = c.data?.data?.orderId;
  const q = useQuery({
    queryKey: ['service-orders', orderId],
    enabled: !!orderId,
    queryFn: async () => (await httpClient(`${API_URL}/service-orders/${orderId}`)).json as ServiceOrderRecord,
  });
  const error = c.error ?? q.error;
  if (error) return <Alert severity="error">{messageOf(error, translate)}</Alert>;
  if (!q.data) return <CircularProgress size={24} />;
  return (
    <Card variant="outlined" data-testid="redispatch-panel">
      <CardContent>
        <Stack spacing={1.5}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <RuleTag rule="K-2" />
            <Typography variant="subtitle1">{translate(`${T}.title`)}</Typography>
          </Stack>
          <OrderDetails order={q.data} />
        </Stack>
      </CardContent>
    </Card>
  );
};

/** The re-dispatch form (inputs under `data.`): optionally another handler; empty keeps the current one. */
export const RedispatchForm = () => {
  const translate = useTranslate();
  const { setValue } = useFormContext();
  const [handler, setHandler] = useState<Option | null>(null);
  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        {translate(`${T}.help`)}
      </Typography>
      <PersonPicker
        label={translate('qf.orders.handler')}
        value={handler}
        onChange={(v) => {
          setHandler(v);
          setValue('data.handlerId', v?.id ?? undefined);
        }}
        testId="redispatch-handler"
      />
    </Stack>
  );
};
export const RedispatchFormSchema = z.object({ handlerId: z.string().optional() });
export const redispatchActionText = { approve: { label: `${T}.submit` } };

const F = 'qf.fines';

/** 直接领导审批违规罚款 (service-fine:approve): what the lead decides — person, event, amounts, reason (K-8). */
export const FinePanel = ({ task }: { task: TaskView }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const c = useGetOne<{ id: string; createdAt: string; data: Record<string, unknown> }>('cases', { id: task.caseId });
  if (c.error) return <Alert severity="error">{messageOf(c.error, translate)}</Alert>;
  if (!c.data) return <CircularProgress size={24} />;
  const d = c.data.data as {
    kind: string;
    employeeName: string;
    leadName: string | null;
    unitName: string | null;
    amountFen: number;
    leadFen: number;
    unitScoreDelta: number;
    month: string;
    description: string;
    registeredByName: string;
  };
  const R = 'resources.service-fines.fields';
  return (
    <Card variant="outlined" data-testid="fine-panel">
      <CardContent>
        <Stack spacing={1.5}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <RuleTag rule="K-8" />
            <Typography variant="subtitle1">{translate(`${F}.panel.title`)}</Typography>
          </Stack>
          <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
            <LabeledValue variant="body1" label={translate(`${R}.kind`)} value={translate(`${F}.kind.${d.kind}`)} />
            <LabeledValue
              variant="body1"
              label={translate(`${R}.employeeName`)}
              value={d.employeeName}
              testId="fine-person-name"
            />
            <LabeledValue variant="body1" label={translate(`${R}.unitName`)} value={d.unitName ?? '—'} />
            <LabeledValue
              variant="body1"
              label={translate(`${R}.amountFen`)}
              value={formatFen(d.amountFen)}
              testId="fine-amount-value"
            />
            <LabeledValue
              variant="body1"
              label={translate(`${R}.leadFen`)}
              value={d.leadFen ? `${d.leadName ?? ''} ${formatFen(d.leadFen)}` : translate(`${F}.panel.none`)}
            />
            <LabeledValue
              variant="body1"
              label={translate(`${R}.unitScoreDelta`)}
              value={
                d.unitScoreDelta
                  ? translate(`${F}.panel.unit_delta`, { delta: d.unitScoreDelta })
                  : translate(`${F}.panel.none`)
              }
            />
            <LabeledValue variant="body1" label={translate(`${R}.month`)} value={d.month} />
            <LabeledValue variant="body1" label={translate(`${R}.registeredByName`)} value={d.registeredByName} />
            <LabeledValue
              variant="body1"
              label={translate(`${R}.createdAt`)}
              value={formatDateTime(c.data.createdAt, locale)}
            />
          </Stack>
          <LabeledValue variant="body1" label={translate(`${R}.description`)} value={d.description} />
          <Alert severity="info">{translate(`${F}.panel.decide`)}</Alert>
        </Stack>
      </CardContent>
    </Card>
  );
};
