import { createContext, useContext, useState, type MouseEvent } from 'react';
import { Box, Button, Chip, Stack, Typography } from '@mui/material';
import {
  BooleanInput,
  Datagrid,
  DateInput,
  FunctionField,
  Link,
  List,
  SelectInput,
  TextField,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { formatDateTime } from '../components/format';
import { CallbackDialog } from './CallbackDialog';
import { CHOICE_COLOR, caseUrl, evaluationKindChoices, type EvaluationRecord } from './model';

const filters = [
  <BooleanInput key="mine" source="mine" alwaysOn />,
  <BooleanInput key="pending" source="pending" alwaysOn />,
  <BooleanInput key="overdue" source="overdue" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={evaluationKindChoices} />,
  <DateInput key="evaluateOn" source="evaluateOn" />,
];

/** Opens the callback dialog from a row; the dialog lives in the list so a refresh does not close it. */
const OpenContext = createContext<(r: EvaluationRecord) => void>(() => undefined);

const OVERDUE_SX = { bgcolor: 'rgba(211,47,47,0.08)' };

const DueCell = ({ record }: { record: EvaluationRecord }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Typography variant="body2" color={record.overdue ? 'error' : undefined}>
        {formatDateTime(record.dueAt, locale)}
      </Typography>
      {record.overdue && <Chip size="small" color="error" label={translate('qf.evaluation.overdue')} />}
    </Stack>
  );
};

const ResultCell = ({ record }: { record: EvaluationRecord }) => {
  const translate = useTranslate();
  if (!record.answeredAt || !record.choice) {
    return <Chip size="small" variant="outlined" label={translate('qf.evaluation.pending')} />;
  }
  return (
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      <Chip
        size="small"
        color={CHOICE_COLOR[record.choice]}
        label={`${translate(`qf.evaluation.choice.${record.choice}`)} · ${translate('qf.evaluation.points', { score: record.score ?? '—' })}`}
      />
      {record.rectificationCaseId && (
        <Link to={caseUrl(record.rectificationCaseId)} onClick={(e: MouseEvent) => e.stopPropagation()}>
          {translate('qf.evaluation.open_rectification')}
        </Link>
      )}
    </Stack>
  );
};

const OpenButton = ({ record }: { record: EvaluationRecord }) => {
  const translate = useTranslate();
  const open = useContext(OpenContext);
  const pending = !record.answeredAt;
  return (
    <Button
      size="small"
      variant={pending ? 'contained' : 'text'}
      onClick={(e) => {
        e.stopPropagation();
        open(record);
      }}
    >
      {translate(
        pending ? (record.kind === 'foreman' ? 'qf.evaluation.evaluate' : 'qf.evaluation.call') : 'qf.evaluation.view',
      )}
    </Button>
  );
};

const Empty = () => (
  <Box sx={{ p: 2 }}>
    <Typography color="text.secondary">{useTranslate()('qf.evaluation.empty')}</Typography>
  </Box>
);

/** 回访评价: my pending evaluations by default (E-2…E-4); each row opens the callback screen. */
export const EvaluationList = () => {
  const translate = useTranslate();
  const [current, setCurrent] = useState<EvaluationRecord | null>(null);
  return (
    <OpenContext.Provider value={setCurrent}>
      <List
        filters={filters}
        filterDefaultValues={{ mine: true, pending: true }}
        sort={{ field: 'dueAt', order: 'ASC' }}
        perPage={25}
        exporter={false}
        empty={false}
      >
        <Datagrid
          bulkActionButtons={false}
          rowClick={false}
          empty={<Empty />}
          rowSx={(r) => ((r as EvaluationRecord).overdue ? OVERDUE_SX : {})}
          sx={{ '& th, & td': { whiteSpace: 'nowrap' }, '& .RaDatagrid-tableWrapper': { overflowX: 'auto' } }}
        >
          <TextField source="orderNo" />
          <TextField source="repairerName" sortable={false} emptyText="—" />
          <TextField source="teamName" label="resources.evaluations.fields.teamUnitId" sortable={false} emptyText="—" />
          <TextField source="reporter" sortable={false} emptyText="—" />
          <FunctionField
            source="kind"
            render={(r: EvaluationRecord) => translate(`qf.evaluation.kind.${r.kind}`, { _: r.kind })}
          />
          <TextField source="evaluatorName" label="qf.process_ui.evaluation.evaluator" sortable={false} emptyText="—" />
          <TextField source="evaluateOn" sortable={false} emptyText="—" />
          <FunctionField source="dueAt" render={(r: EvaluationRecord) => <DueCell record={r} />} />
          <FunctionField source="choice" sortable={false} render={(r: EvaluationRecord) => <ResultCell record={r} />} />
          <FunctionField
            label="qf.evaluation.action"
            textAlign="right"
            render={(r: EvaluationRecord) => <OpenButton record={r} />}
          />
        </Datagrid>
      </List>
      {current && <CallbackDialog key={current.id} record={current} onClose={() => setCurrent(null)} />}
    </OpenContext.Provider>
  );
};
