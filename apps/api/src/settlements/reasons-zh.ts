/**
 * H-1 / C-7…C-10: the settlement's reasons in Chinese for the console (the rules in libs/domain record them in English).
 * An unknown message is kept as it is.
 */
const yuan = (fen: string) => `${(Number(fen) / 100).toFixed(2)} 元`;

const PATTERNS: [RegExp, (...m: string[]) => string][] = [
  [
    /^([\d.]+) points × post bonus (\d+) fen × ([\d.]+)% = (-?\d+) fen$/,
    (p, bonus, pct, fen) => `扣 ${p} 分 × 岗位奖金 ${yuan(bonus)} × ${pct}% = 扣款 ${yuan(fen)}`,
  ],
  [/^(\d+) egregious case\(s\) this month → (P\d)$/, (n, g) => `本月恶劣案件 ${n} 件 → ${g}`],
  [/^(\d+) egregious cases in the calendar year → suspension from post$/, (n) => `本年度恶劣案件 ${n} 件 → 待岗`],
  [/^outsourced worker with an egregious case this month → exits the post$/, () => '外包人员本月有恶劣案件 → 退出岗位'],
  [/^(\d+) serious cases this month → (P\d)$/, (n, g) => `本月严重案件 ${n} 件 → ${g}`],
  [
    /^month (\d+) of the calendar year with a serious-case grade → P5 \(A-1\)$/,
    (n) => `本年度第 ${n} 个因严重案件定级的月份 → P5（A-1）`,
  ],
  [
    /^(\d+) serious cases in the calendar year → P5 \(A-1 alternative\)$/,
    (n) => `本年度严重案件 ${n} 件 → P5（A-1 备选）`,
  ],
  [/^(\d+) ordinary cases this month → (P\d)$/, (n, g) => `本月普通案件 ${n} 件 → ${g}`],
  [/^(\d+) ordinary cases in the calendar year → P5$/, (n) => `本年度普通案件 ${n} 件 → P5`],
  [/^worst grade of (\d+) rules → (P\d)$/, (n, g) => `取 ${n} 条规则中最差的等级 → ${g}`],
  [/^second below-standard month$/, () => '第二个不达标月份'],
];

export function reasonZh(message: string): string {
  for (const [re, fmt] of PATTERNS) {
    const m = re.exec(message);
    if (m) return fmt(...m.slice(1));
  }
  return message;
}
