import type { IndicatorResult } from './model';

type Translate = (key: string, options?: Record<string, unknown>) => string;
const num = (v: unknown) => (typeof v === 'number' ? String(Math.round(v * 100) / 100) : '—');

/** K-9 why an indicator scored what it did: its formula (kind and numbers), the value and the inputs, in Chinese. */
export const whyText = (
  i: Pick<IndicatorResult, 'kind' | 'params' | 'inputs' | 'value' | 'score' | 'missing'>,
  t: Translate,
) => {
  const p = i.params;
  const kind = t(`qf.policy.indicator_kind.${i.kind}`, { _: t('qf.policy.unknown_value') });
  const formula = t(`qf.scorecard.formula.${i.kind}`, {
    ...Object.fromEntries(Object.entries(p).map(([k, v]) => [k, num(v)])),
    direction: t(`qf.policy.direction.${String(p.direction ?? 'below')}`),
    _: '',
  });
  if (i.missing) return `${kind}：${formula}；${t('qf.scorecard.missing')}`;
  const inputs = t(`qf.scorecard.inputs.${i.kind}`, {
    ...Object.fromEntries(Object.entries(i.inputs).map(([k, v]) => [k, Array.isArray(v) ? v.join('、') : num(v)])),
    _: '',
  });
  return `${kind}：${formula}；${t('qf.scorecard.actual', { value: num(i.value) })}${inputs ? `，${inputs}` : ''} → ${num(i.score)}`;
};
