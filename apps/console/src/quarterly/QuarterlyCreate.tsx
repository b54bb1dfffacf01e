import { Alert, Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import {
  ArrayInput,
  AutocompleteArrayInput,
  Create,
  NumberInput,
  ReferenceArrayInput,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  required,
  useTranslate,
} from 'react-admin';
import { QUARTERLY_SOURCES, weightTotal } from './model';

const T = 'qf.quarterly';
const PERIOD = /^\d{4}-Q[1-4]$/;

/** the weights entered so far, beside the rows: they must sum to 100. */
const WeightTotal = () => {
  const translate = useTranslate();
  const indicators = useWatch({ name: 'indicators' }) as { weight?: number }[] | undefined;
  const total = weightTotal(indicators);
  return (
    <Alert severity={total === 100 ? 'success' : 'warning'} data-testid="quarterly-weight-total" sx={{ mb: 2 }}>
      {translate(`${T}.weight_total`, { total })}
    </Alert>
  );
};

const currentPeriod = () => {
  const d = new Date();
  return `${d.getFullYear()}-Q${Math.floor(d.getMonth() / 3) + 1}`;
};

/** 新建季度考核计划: period, title, the units assessed, the indicators as rows (weights sum to 100). */
export const QuarterlyCreate = () => {
  const translate = useTranslate();
  const sources = QUARTERLY_SOURCES.map((id) => ({ id, name: `${T}.source.${id}` }));
  const directions = ['higher', 'lower'].map((id) => ({ id, name: `${T}.direction.${id}` }));
  const validate = (v: Record<string, unknown>) => {
    const errors: Record<string, string> = {};
    if (typeof v.period !== 'string' || !PERIOD.test(v.period)) errors.period = translate(`${T}.period_invalid`);
    const total = weightTotal(v.indicators as { weight?: number }[]);
    if (total !== 100) errors.indicators = translate(`${T}.weight_total`, { total });
    return errors;
  };
  return (
    <Create redirect="show">
      <SimpleForm
        validate={validate}
        defaultValues={{
          period: currentPeriod(),
          indicators: [{ name: '', weight: 100, source: 'manual', direction: 'higher', target: 100 }],
        }}
      >
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate(`${T}.create_help`)}
        </Typography>
        <TextInput source="period" validate={required()} helperText={`${T}.period_help`} />
        <TextInput source="title" fullWidth helperText={`${T}.title_help`} />
        <ReferenceArrayInput source="scope" reference="org-units" perPage={200} sort={{ field: 'code', order: 'ASC' }}>
          <AutocompleteArrayInput optionText="name" validate={required()} fullWidth />
        </ReferenceArrayInput>
        <ArrayInput source="indicators" label={`${T}.indicators_label`}>
          <SimpleFormIterator inline disableReordering>
            <TextInput source="name" validate={required()} helperText={false} />
            <NumberInput source="weight" min={1} max={100} step={1} validate={required()} helperText={false} />
            <SelectInput
              source="source"
              choices={sources}
              defaultValue="manual"
              validate={required()}
              helperText={false}
            />
            <SelectInput
              source="direction"
              choices={directions}
              defaultValue="higher"
              validate={required()}
              helperText={false}
            />
            <NumberInput source="target" min={0} defaultValue={100} validate={required()} helperText={false} />
          </SimpleFormIterator>
        </ArrayInput>
        <WeightTotal />
      </SimpleForm>
    </Create>
  );
};
