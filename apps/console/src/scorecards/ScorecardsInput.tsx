import { useState, type ReactNode } from 'react';
import { Box, TextField as MuiTextField, Typography } from '@mui/material';
import {
  ArrayInput,
  FormDataConsumer,
  NumberInput,
  SelectArrayInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  useSourceContext,
  useTranslate,
} from 'react-admin';
import { useController } from 'react-hook-form';
import { INDICATOR_COMPUTATIONS, INDICATOR_SOURCES, IndicatorSchema, SCORECARD_UNIT_KINDS } from '@qf/policy';
import { scoreIndicator } from '@qf/domain/kpi';
import { keyed } from '../components/choices';
import { INDICATOR_KINDS, INDICATOR_NUMBERS } from '../policies/catalogue';
import { unitProps } from '../policies/inputs';
import { whyText } from './why';

const advanced = { width: 190, '& input': { fontFamily: 'monospace', fontSize: 12 } };
const FINE_PER = ['none', 'late-order', 'point'] as const;

/** K-5 a per-point indicator's personal fine: none, per late order (to its handler) or per point (to the supervisor). */
const FineInput = () => {
  const translate = useTranslate();
  const { getSource } = useSourceContext();
  const { field } = useController({ name: getSource('fine') });
  const fine = field.value as { per: string; fen: number } | null | undefined;
  return (
    <>
      <MuiTextField
        select
        size="small"
        label={translate('qf.policy.sub.fine_per')}
        value={fine?.per ?? 'none'}
        onChange={(e) =>
          field.onChange(e.target.value === 'none' ? null : { per: e.target.value, fen: fine?.fen ?? 0 })
        }
        slotProps={{ select: { native: true } }}
        sx={{ width: 200 }}
      >
        {FINE_PER.map((p) => (
          <option key={p} value={p}>
            {translate(`qf.policy.fine_per.${p}`)}
          </option>
        ))}
      </MuiTextField>
      {fine && (
        <NumberInput
          source="fine.fen"
          label="qf.policy.sub.fine_fen"
          {...unitProps('yuan', translate)}
          sx={{ width: 130 }}
        />
      )}
    </>
  );
};

/** K-9 the formula of an indicator row on a sample value (the domain's own scoreIndicator, as the month applies it). */
const Preview = ({ indicator }: { indicator: unknown }) => {
  const translate = useTranslate();
  const [sample, setSample] = useState('');
  const parsed = IndicatorSchema.safeParse(indicator);
  const values = sample
    .split(/[,，\s]+/)
    .filter(Boolean)
    .map(Number);
  const ok = parsed.success && values.length > 0 && values.every((v) => Number.isFinite(v));
  const value = ok ? (parsed.data.kind === 'weighted-count' ? values : values[0]) : undefined;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
      <MuiTextField
        size="small"
        label={translate('qf.policy.sub.sample')}
        value={sample}
        onChange={(e) => setSample(e.target.value)}
        sx={{ width: 110 }}
        slotProps={{ htmlInput: { 'data-testid': 'indicator-sample' } }}
      />
      <Typography variant="caption" color="text.secondary" data-testid="indicator-preview" sx={{ maxWidth: 420 }}>
        {ok && parsed.success
          ? translate('qf.policy.preview', { text: whyText(scoreIndicator(parsed.data, value), translate) })
          : translate('qf.policy.preview_empty')}
      </Typography>
    </Box>
  );
};

const codes = {
  format: (v: unknown) => (Array.isArray(v) ? v.join('，') : ''),
  parse: (s: string) =>
    String(s ?? '')
      .split(/[,，\s]+/)
      .filter(Boolean),
};

/**
 * K-9 scorecards in the policy draft editor: each card's level and units, and its indicators as rows (source and
 * named computation, weight, formula kind with its numbers, K-5 fine) with the schema's errors inline and a preview
 * of the formula on a sample value.
 */
export const ScorecardsInput = ({
  source,
  heading,
  errors,
}: {
  source: string;
  heading: ReactNode;
  errors: ReactNode;
}) => {
  const translate = useTranslate();
  return (
    <Box sx={{ width: '100%' }} data-testid="scorecards-input">
      {heading}
      <ArrayInput source={source} label={false}>
        <SimpleFormIterator
          disableReordering
          fullWidth
          getItemDefaults={() => ({ key: '', label: '', level: 'unit', unitKinds: [], unitCodes: [], indicators: [] })}
        >
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
            <TextInput source="label" label="qf.policy.sub.card_label" sx={{ width: 220 }} />
            <SelectInput
              source="level"
              label="qf.policy.sub.level"
              choices={keyed(['unit', 'person'], 'qf.policy.level')}
              sx={{ width: 120 }}
            />
            <SelectArrayInput
              source="unitKinds"
              label="qf.policy.sub.unitKinds"
              choices={keyed(SCORECARD_UNIT_KINDS, 'qf.policy.unit_kind')}
              sx={{ minWidth: 200 }}
            />
            <TextInput source="unitCodes" label="qf.policy.sub.unitCodes" {...codes} sx={{ width: 220 }} />
            <TextInput source="key" label="qf.policy.sub.key_advanced" sx={advanced} />
          </Box>
          <ArrayInput source="indicators" label="qf.policy.sub.indicators">
            <SimpleFormIterator
              inline
              disableReordering
              getItemDefaults={() => ({
                key: '',
                label: '',
                source: 'imported',
                computation: 'call-volume',
                kind: 'linear-with-floor',
                weight: 10,
                target: 100,
                floor: 0,
              })}
            >
              <TextInput source="label" label="qf.policy.sub.label" sx={{ width: 160 }} />
              <SelectInput
                source="source"
                label="qf.policy.sub.source"
                choices={keyed(INDICATOR_SOURCES, 'qf.policy.indicator_source')}
                sx={{ width: 120 }}
              />
              <FormDataConsumer>
                {({ scopedFormData }) => (
                  <SelectInput
                    source="computation"
                    label="qf.policy.sub.computation"
                    choices={keyed(
                      INDICATOR_COMPUTATIONS[
                        (scopedFormData?.source as keyof typeof INDICATOR_COMPUTATIONS) ?? 'imported'
                      ] ?? [],
                      'qf.policy.computation',
                    )}
                    sx={{ width: 170 }}
                  />
                )}
              </FormDataConsumer>
              <NumberInput
                source="weight"
                label="qf.policy.sub.weight"
                {...unitProps('points', translate)}
                sx={{ width: 110 }}
              />
              <SelectInput
                source="kind"
                label="qf.policy.sub.kind"
                choices={keyed(INDICATOR_KINDS, 'qf.policy.indicator_kind')}
                sx={{ width: 150 }}
              />
              <FormDataConsumer>
                {({ scopedFormData }) => {
                  const kind = String(scopedFormData?.kind ?? '') as (typeof INDICATOR_KINDS)[number];
                  return (
                    <>
                      {(INDICATOR_NUMBERS[kind] ?? []).map((f) => (
                        <NumberInput
                          key={f.key}
                          source={f.key}
                          label={`qf.policy.sub.${f.key}`}
                          {...unitProps(f.unit, translate)}
                          sx={{ width: 120 }}
                        />
                      ))}
                      {kind === 'per-point-penalty' && (
                        <>
                          <SelectInput
                            source="direction"
                            label="qf.policy.sub.direction"
                            choices={keyed(['below', 'above'], 'qf.policy.direction')}
                            sx={{ width: 110 }}
                          />
                          <FineInput />
                        </>
                      )}
                      <Preview indicator={scopedFormData} />
                    </>
                  );
                }}
              </FormDataConsumer>
              <TextInput source="key" label="qf.policy.sub.key_advanced" sx={advanced} />
            </SimpleFormIterator>
          </ArrayInput>
        </SimpleFormIterator>
      </ArrayInput>
      {errors}
    </Box>
  );
};
