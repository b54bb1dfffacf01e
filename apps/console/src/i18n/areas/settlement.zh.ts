/** Chinese labels of a settlement row's fines and why (H-1 with K-5/K-8, issue 16); en has the same keys. */
export const zh = {
  qf: {
    settlement_why: {
      fines: '罚款',
      title: '计算依据',
      cases_found: '台账现有 %{found} 件（结算时计 %{count} 件）',
      policy: '政策 v%{version}',
      cases: '案件：%{cases}',
      money: '扣 %{points} 分 × 岗位奖金 %{bonus} × %{rate}% = 扣款 %{money}',
      fines_line: '罚款 %{fine}（%{postings} 笔），单独扣款，不折算扣分',
      egregious: '本月恶劣案件 %{count} 件 → %{grade}',
      egregious_year: '本年度恶劣案件 %{yearCount} 件 → 待岗',
      egregious_exit: '外包人员本月有恶劣案件 → 退出岗位',
      serious: '本月严重案件 %{count} 件 → %{grade}',
      serious_graded_month: '本年度第 %{gradedMonth} 个因严重案件定级的月份 → P5',
      serious_year: '本年度严重案件 %{yearCount} 件 → P5',
      ordinary: '本月普通案件 %{count} 件 → %{grade}',
      ordinary_year: '本年度普通案件 %{yearCount} 件 → P5',
      worst: '取 %{rules} 条规则中最差的等级 → %{grade}',
      perception: '客户感知考核 → %{grade}',
      training: '%{reason}',
      other: '%{title}',
    },
  },
};
