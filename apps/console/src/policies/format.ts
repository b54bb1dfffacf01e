import { fieldOf, INDICATOR_KINDS, labelKey, shownDecimals, toShown, type FieldSpec, type Unit } from './catalogue';

type Translate = (key: string, options?: Record<string, unknown>) => string;
type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A stored number in its shown unit: "2.0 分", "500.00 元", "24 小时", "1.00 %". */
export const formatNumber = (unit: Unit | undefined, v: unknown, t: Translate): string => {
  if (typeof v !== 'number' || !Number.isFinite(v)) return v === null || v === undefined ? '—' : String(v);
  const shown = toShown(unit, v);
  const d = shownDecimals(unit);
  const text = d !== undefined ? shown.toFixed(d) : String(shown);
  const suffix = unit && unit !== 'none' ? t(`qf.policy.unit.${unit}`) : '';
  return suffix ? `${text} ${suffix}` : text;
};

const choice = (spec: FieldSpec, v: unknown, t: Translate) =>
  spec.choices ? t(`${spec.choices.prefix}.${String(v)}`, { _: t('qf.policy.unknown_value') }) : String(v);
const role = (v: unknown, t: Translate) =>
  t(`qf.complaint.person_role.${String(v)}`, { _: t('qf.policy.unknown_value') });
const systemRole = (v: unknown, t: Translate) => t(`qf.roles.${String(v)}`, { _: t('qf.policy.unknown_value') });
const weekday = (v: unknown, t: Translate) => t(`qf.policy.weekday.${String(v)}`, { _: String(v) });
const list = (items: string[], t: Translate) => (items.length ? items.join('、') : t('qf.policy.empty_list'));

const range = (v: unknown, t: Translate) => {
  if (!isRec(v)) return t('qf.policy.not_applicable');
  const [min, max] = [toShown('points_x10', Number(v.min)).toFixed(1), toShown('points_x10', Number(v.max)).toFixed(1)];
  return min === max ? `${min} ${t('qf.policy.unit.points_x10')}` : `${min}–${max} ${t('qf.policy.unit.points_x10')}`;
};

const bracket = (b: unknown, t: Translate) => {
  if (!isRec(b)) return '—';
  const pay = b.payPercent === 'score' ? t('qf.policy.bracket_by_score') : `${String(b.payPercent)} %`;
  return t('qf.policy.bracket_line', { min: String(b.minScore), pay });
};

const indicator = (i: unknown, t: Translate) => {
  if (!isRec(i)) return '—';
  const kind = t(`qf.policy.indicator_kind.${String(i.kind)}`, { _: t('qf.policy.unknown_value') });
  return `${String(i.label ?? '')}（${kind}，${t('qf.policy.sub.weight')} ${String(i.weight ?? '')}）`;
};

/** A whole field's value for reading. */
export const formatField = (spec: FieldSpec, value: unknown, t: Translate): string => {
  if (value === undefined) return '—';
  switch (spec.kind) {
    case 'number':
      return formatNumber(spec.unit, value, t);
    case 'bool':
      return value ? t('qf.common.yes') : t('qf.common.no');
    case 'enum':
    case 'fixed':
    case 'timezone':
      return choice(spec, value, t);
    case 'time':
      return String(value ?? '—');
    case 'textList':
    case 'dateList':
      return list(Array.isArray(value) ? value.map(String) : [], t);
    case 'enumList':
      return list(Array.isArray(value) ? value.map((v) => choice(spec, v, t)) : [], t);
    case 'weekdays':
      return list(Array.isArray(value) ? value.map((v) => weekday(v, t)) : [], t);
    case 'roleRanges':
      return isRec(value)
        ? Object.entries(value)
            .filter(([, r]) => r !== null)
            .map(([k, r]) => `${role(k, t)} ${range(r, t)}`)
            .join('；') || t('qf.policy.not_applicable')
        : '—';
    case 'roleGroups':
      return Array.isArray(value) && value.length
        ? value
            .map(
              (g, i) =>
                `${t('qf.policy.group_n', { n: i + 1 })}：${(Array.isArray(g) ? g : []).map((r) => role(r, t)).join(t('qf.policy.or'))}`,
            )
            .join('；')
        : t('qf.policy.none_required');
    case 'roleMap':
      return isRec(value)
        ? Object.entries(value)
            .map(([k, v]) => `${systemRole(k, t)} → ${systemRole(v, t)}`)
            .join('；') || '—'
        : '—';
    case 'categories':
      return Array.isArray(value)
        ? list(
            value.map((c) => (isRec(c) ? String(c.label ?? '') : '')),
            t,
          )
        : '—';
    case 'questions':
      return Array.isArray(value)
        ? list(
            value.map((q) => (isRec(q) ? String(q.text ?? '') : '')),
            t,
          )
        : '—';
    case 'brackets':
      return Array.isArray(value) ? value.map((b) => bracket(b, t)).join('；') : '—';
    case 'scorecards':
      return Array.isArray(value)
        ? value
            .map((c) =>
              isRec(c)
                ? `${String(c.label ?? '')}：${(Array.isArray(c.indicators) ? c.indicators : []).map((i) => indicator(i, t)).join('、')}`
                : '',
            )
            .join('；')
        : '—';
  }
};

/** Segments of a path's rest: `[2].label` → [2, 'label'], `supervisor.min` → ['supervisor', 'min']. */
const segments = (rest: string): (string | number)[] =>
  rest
    .split(/[.[\]]/)
    .filter(Boolean)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));

const itemN = (i: unknown, t: Translate) => t('qf.policy.item_n', { n: Number(i) + 1 });

/**
 * A changed leaf of the diff (`GET /policies/:a/diff/:b`, stored paths) as a labelled line:
 * the field's label (and the part of it), its rule, and both values in shown units.
 */
export const describeChange = (path: string, before: unknown, after: unknown, t: Translate) => {
  const found = fieldOf(path);
  if (!found) {
    return {
      label: t('qf.policy.other_value'),
      rule: undefined as string | undefined,
      before: JSON.stringify(before) ?? '—',
      after: JSON.stringify(after) ?? '—',
    };
  }
  const { spec, rest } = found;
  const label = t(labelKey(spec.path));
  if (!rest)
    return { label, rule: spec.rule, before: formatField(spec, before, t), after: formatField(spec, after, t) };
  const seg = segments(rest);
  const parts: string[] = [];
  let fmt: (v: unknown) => string = (v) =>
    v === undefined ? '—' : typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v);
  switch (spec.kind) {
    case 'roleRanges': {
      parts.push(role(seg[0], t));
      if (seg[1] === 'min' || seg[1] === 'max') {
        parts.push(t(`qf.policy.sub.${seg[1]}`));
        fmt = (v) => formatNumber('points_x10', v, t);
      } else fmt = (v) => range(v, t);
      break;
    }
    case 'roleGroups':
      parts.push(t('qf.policy.group_n', { n: Number(seg[0]) + 1 }));
      if (seg.length > 1) {
        parts.push(itemN(seg[1], t));
        fmt = (v) => (v === undefined ? '—' : role(v, t));
      } else fmt = (v) => (Array.isArray(v) ? v.map((r) => role(r, t)).join(t('qf.policy.or')) : '—');
      break;
    case 'roleMap':
      parts.push(systemRole(seg[0], t));
      fmt = (v) => (v === undefined ? '—' : systemRole(v, t));
      break;
    case 'textList':
    case 'dateList':
      parts.push(itemN(seg[0], t));
      break;
    case 'enumList':
      parts.push(itemN(seg[0], t));
      fmt = (v) => (v === undefined ? '—' : choice(spec, v, t));
      break;
    case 'weekdays':
      parts.push(itemN(seg[0], t));
      fmt = (v) => (v === undefined ? '—' : weekday(v, t));
      break;
    case 'categories':
    case 'questions':
      parts.push(itemN(seg[0], t));
      if (seg[1]) parts.push(t(`qf.policy.sub.${String(seg[1])}`));
      else fmt = (v) => (isRec(v) ? String(v.label ?? v.text ?? '') : '—');
      break;
    case 'brackets':
      parts.push(itemN(seg[0], t));
      if (seg[1]) {
        parts.push(t(`qf.policy.sub.${String(seg[1])}`));
        if (seg[1] === 'payPercent')
          fmt = (v) => (v === 'score' ? t('qf.policy.bracket_by_score') : v === undefined ? '—' : `${String(v)} %`);
      } else fmt = (v) => bracket(v, t);
      break;
    case 'scorecards': {
      parts.push(t('qf.policy.card_n', { n: Number(seg[0]) + 1 }));
      if (seg[1] === 'indicators') {
        if (seg[2] !== undefined) parts.push(t('qf.policy.indicator_n', { n: Number(seg[2]) + 1 }));
        if (seg[3] !== undefined) {
          parts.push(t(`qf.policy.sub.${String(seg[3])}`, { _: t('qf.policy.other_value') }));
          if (seg[3] === 'kind')
            fmt = (v) =>
              v === undefined ? '—' : t(`qf.policy.indicator_kind.${String(v)}`, { _: t('qf.policy.unknown_value') });
          if (seg[3] === 'direction')
            fmt = (v) =>
              v === undefined ? '—' : t(`qf.policy.direction.${String(v)}`, { _: t('qf.policy.unknown_value') });
        } else fmt = (v) => indicator(v, t);
      } else if (seg[1] !== undefined)
        parts.push(t(`qf.policy.sub.${String(seg[1])}`, { _: t('qf.policy.other_value') }));
      else fmt = (v) => (isRec(v) ? String(v.label ?? '') : '—');
      break;
    }
    default:
      parts.push(t('qf.policy.other_value'));
  }
  return { label: [label, ...parts].join(' · '), rule: spec.rule, before: fmt(before), after: fmt(after) };
};

export { INDICATOR_KINDS };
