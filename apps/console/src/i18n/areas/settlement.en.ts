/** English labels of a settlement row's fines and why (H-1 with K-5/K-8, issue 16); zh has the same keys. */
export const en = {
  qf: {
    settlement_why: {
      fines: 'Fines',
      title: 'Why',
      cases_found: 'the ledger now holds %{found} (%{count} counted by the close)',
      policy: 'policy v%{version}',
      cases: 'cases: %{cases}',
      money: '%{points} points × post bonus %{bonus} × %{rate}% = %{money} deducted',
      fines_line: 'fines %{fine} (%{postings} postings), deducted as a line of their own, not as points',
      egregious: '%{count} egregious case(s) this month → %{grade}',
      egregious_year: '%{yearCount} egregious cases in the calendar year → suspension',
      egregious_exit: 'outsourced worker with an egregious case this month → exits the post',
      serious: '%{count} serious cases this month → %{grade}',
      serious_graded_month: 'month %{gradedMonth} of the year with a serious-case grade → P5',
      serious_year: '%{yearCount} serious cases in the calendar year → P5',
      ordinary: '%{count} ordinary cases this month → %{grade}',
      ordinary_year: '%{yearCount} ordinary cases in the calendar year → P5',
      worst: 'worst grade of %{rules} rules → %{grade}',
      perception: 'customer perception → %{grade}',
      training: 'central training: %{reason}',
      other: '%{title}',
    },
  },
};
