/** English text of "why" on computed results (issue 16); same keys as result-why.zh.ts. */
export const en = {
  qf: {
    result_why: {
      column: 'Why',
      open: 'Show why',
      policy: 'Policy v%{version}',
      no_policy: 'Default policy',
      star_level_pay: '%{level}-star monthly star pay %{yuan} CNY',
      star_score: 'Monthly score %{score} (full pay at %{full} or above, pay × score from %{proportional})',
      star_veto: "Team lead's one-vote veto: %{reason}",
      star_liable: '%{count} liable complaint(s) this month (%{cases}): one-vote veto',
      star_outcome_full: 'Full star pay (%{percent}%)',
      star_outcome_proportional: 'Star pay × %{percent}%',
      star_outcome_cancelled: "Below the line: the month's star pay is cancelled or lowered one level",
      star_outcome_vetoed: "One-vote veto: the month's star pay is cancelled",
      star_june_factor: 'June %{year} exam factor: second-half star pay × %{percent}%',
      star_pay: "The month's star pay %{yuan} CNY",
      e5_evaluations: '%{count} scored evaluation(s) this month, %{sum} points in all',
      e5_self_satisfied: 'Foreman self-evaluation satisfied ×%{count} (orders %{orders})',
      e5_self_basic: 'Foreman self-evaluation basic ×%{count} (orders %{orders})',
      e5_self_dissatisfied: 'Foreman self-evaluation dissatisfied ×%{count} (orders %{orders})',
      e5_callback_satisfied: 'Callback satisfied ×%{count} (orders %{orders})',
      e5_callback_basic: 'Callback basic ×%{count} (orders %{orders})',
      e5_callback_dissatisfied: 'Callback dissatisfied ×%{count} (orders %{orders})',
      e5_formula: 'Average %{average} + %{count} evaluated orders × %{factor} = %{bonus}: monthly score %{total}',
    },
  },
};
