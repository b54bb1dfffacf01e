import type { MouseEvent } from 'react';
import { Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, Show, SimpleShowLayout, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { LabeledValue } from '../components/fields';
import { formatDateTime } from '../components/format';
import { CHOICE_COLOR, caseUrl, type EvaluationChoice, type EvaluationKind } from '../evaluations/model';
import type { WorkOrderRecord } from './WorkOrderList';

interface OrderEvaluation {
  id: string;
  kind: EvaluationKind;
  evaluatorName: string | null;
  evaluateOn: string | null;
  dueAt: string | null;
  choice: EvaluationChoice | null;
  score: number | null;
  answeredAt: string | null;
  rectificationCaseId: string | null;
  overdue: boolean;
}

const F = 'resources.work-orders.fields';

const Facts = () => {
  const r = useRecordContext<WorkOrderRecord & { evaluations?: OrderEvaluation[] }>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!r) return null;
  const item = (label: string, value: string) => (
    <LabeledValue variant="body1" valueComponent="div" label={translate(label)} value={value} />
  );
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {item(`${F}.orderNo`, r.orderNo)}
        {item(
          `${F}.source`,
          translate(`qf.work_order.source.${r.source}`, { _: translate('qf.process_ui.work_order.source_other') }),
        )}
        {item(`${F}.repairerName`, r.repairerName ?? '—')}
        {item(`${F}.teamUnitId`, r.teamName ?? '—')}
        {item(`${F}.reporter`, r.reporter || '—')}
        {item(`${F}.faultKey`, r.faultKey || '—')}
        {item(`${F}.repeatReport`, translate(r.repeatReport ? 'qf.common.yes' : 'qf.common.no'))}
        {item(`${F}.reportedAt`, formatDateTime(r.reportedAt, locale))}
        {item(`${F}.closedAt`, formatDateTime(r.closedAt, locale))}
      </Stack>
      <Typography variant="subtitle1">{translate('resources.evaluations.name', { smart_count: 2 })}</Typography>
      {(r.evaluations ?? []).length === 0 ? (
        <Typography color="text.secondary">{translate('qf.process_ui.work_order.no_evaluations')}</Typography>
      ) : (
        <Table size="small" data-testid="work-order-evaluations" sx={{ '& th, & td': { whiteSpace: 'nowrap' } }}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.evaluations.fields.kind')}</TableCell>
              <TableCell>{translate('qf.process_ui.evaluation.evaluator')}</TableCell>
              <TableCell>{translate('resources.evaluations.fields.evaluateOn')}</TableCell>
              <TableCell>{translate('resources.evaluations.fields.dueAt')}</TableCell>
              <TableCell>{translate('resources.evaluations.fields.choice')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(r.evaluations ?? []).map((e) => (
              <TableRow key={e.id}>
                <TableCell>{translate(`qf.evaluation.kind.${e.kind}`, { _: '—' })}</TableCell>
                <TableCell>{e.evaluatorName ?? '—'}</TableCell>
                <TableCell>{e.evaluateOn ?? '—'}</TableCell>
                <TableCell>
                  {formatDateTime(e.dueAt, locale)}{' '}
                  {e.overdue && <Chip size="small" color="error" label={translate('qf.evaluation.overdue')} />}
                </TableCell>
                <TableCell>
                  {e.choice ? (
                    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                      <Chip
                        size="small"
                        color={CHOICE_COLOR[e.choice]}
                        label={`${translate(`qf.evaluation.choice.${e.choice}`)} · ${translate('qf.evaluation.points', { score: e.score ?? '—' })}`}
                      />
                      {e.rectificationCaseId && (
                        <Link to={caseUrl(e.rectificationCaseId)} onClick={(ev: MouseEvent) => ev.stopPropagation()}>
                          {translate('qf.evaluation.open_rectification')}
                        </Link>
                      )}
                    </Stack>
                  ) : (
                    <Chip size="small" variant="outlined" label={translate('qf.evaluation.pending')} />
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Stack>
  );
};

const Title = () => {
  const r = useRecordContext<WorkOrderRecord>();
  const translate = useTranslate();
  return <span>{r ? `${translate('resources.work-orders.name', { smart_count: 1 })} ${r.orderNo}` : ''}</span>;
};

/** One closed order: who repaired it, for whom, and its evaluations with their results. */
export const WorkOrderShow = () => (
  <Show title={<Title />}>
    <SimpleShowLayout>
      <Facts />
    </SimpleShowLayout>
  </Show>
);
