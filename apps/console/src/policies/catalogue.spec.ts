import { defaultPolicy, diffPolicies } from '@qf/policy';
import { zh } from '../i18n/areas/policies.zh';
import { en } from '../i18n/areas/policies.en';
import { appZh } from '../i18n/zh';
import { fieldOf, labelKey, POLICY_FIELDS, toShown, toStored } from './catalogue';
import { describeChange } from './format';
import { policyIssues } from './validation';

const lookup = (tree: unknown, key: string) =>
  key
    .split('.')
    .reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), tree);
const t = (key: string, opts?: Record<string, unknown>) => {
  const v = lookup(zh, key) ?? lookup(appZh, key);
  if (typeof v !== 'string') return typeof opts?._ === 'string' ? opts._ : key;
  return v.replace(/%\{(\w+)\}/g, (_, k) => String(opts?.[k] ?? ''));
};

/** Leaves of the default policy; lists are one value. */
const leaves = (v: unknown, p = ''): string[] =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? Object.entries(v).flatMap(([k, x]) => leaves(x, p ? `${p}.${k}` : k))
    : [p];

describe('policy field catalogue', () => {
  it('every value of the policy schema belongs to a labelled field, in zh and en', () => {
    const missing = leaves(defaultPolicy()).filter((p) => !fieldOf(p));
    expect(missing).toEqual([]);
    for (const f of POLICY_FIELDS) {
      expect([f.path, typeof lookup(zh, labelKey(f.path))]).toEqual([f.path, 'string']);
      expect([f.path, typeof lookup(en, labelKey(f.path))]).toEqual([f.path, 'string']);
    }
  });

  it('units: ×10 points as 分, fen as 元, minutes as hours, basis points as %', () => {
    expect(toShown('points_x10', 25)).toBe(2.5);
    expect(toStored('points_x10', 2.5)).toBe(25);
    expect(toStored('yuan', 512.34)).toBe(51234);
    expect(toShown('hours', 1440)).toBe(24);
    expect(toStored('bp_percent', 1.5)).toBe(150);
    expect(toStored('points_x10', 2.55)).toBe(25.5); // left for the schema to reject (one decimal)
  });

  it('the diff names a field by its label with units converted', () => {
    const a = defaultPolicy();
    const b = defaultPolicy();
    b.stars.awardBonusFen['2'] = 60000;
    b.complaints.severities.serious.roles.supervisor = { min: 25, max: 50 };
    b.complaints.appealWindowWorkingDays = 5;
    const lines = diffPolicies(a, b).map((c) => describeChange(c.path, c.before, c.after, t));
    expect(lines).toEqual(
      expect.arrayContaining([
        { label: '二星一次性奖金', rule: 'S-9', before: '500.00 元', after: '600.00 元' },
        { label: '严重投诉扣分范围 · 主管 · 最低', rule: 'C-3', before: '2.0 分', after: '2.5 分' },
        { label: '申诉期', rule: 'C-12', before: '3 个工作日', after: '5 个工作日' },
      ]),
    );
  });

  it('schema errors come in the shown unit, in Chinese', () => {
    const p = defaultPolicy() as unknown as Record<string, Record<string, unknown>>;
    p.complaints.majorAdverseEventPointsX10 = 25.5;
    p.complaints.appealWindowWorkingDays = -1;
    const issues = policyIssues(p, t).map((i) => ({ path: i.path.join('.'), text: t(i.msg.message, i.msg.args) }));
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'complaints.majorAdverseEventPointsX10', text: '最多一位小数' },
        { path: 'complaints.appealWindowWorkingDays', text: '不能小于 0 个工作日' },
      ]),
    );
  });
});
