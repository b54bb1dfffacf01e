/** Chinese text of "why" on computed results (issue 16): star pay (S-10, S-12) and repairer scores (E-5). */
export const zh = {
  qf: {
    result_why: {
      column: '计算依据',
      open: '查看依据',
      policy: '政策 v%{version}',
      no_policy: '默认政策',
      star_level_pay: '%{level} 星月度星级工资 %{yuan} 元',
      star_score: '月度考核得分 %{score} 分（不低于 %{full} 分全额发放，不低于 %{proportional} 分按得分比例发放）',
      star_veto: '班组长一票否决：%{reason}',
      star_liable: '本月有责投诉 %{count} 件（%{cases}），一票否决',
      star_outcome_full: '全额发放星级工资（%{percent}%）',
      star_outcome_proportional: '按得分比例发放星级工资 %{percent}%',
      star_outcome_cancelled: '得分低于标准：本月星级工资取消或降一级发放',
      star_outcome_vetoed: '一票否决：本月星级工资取消',
      star_june_factor: '%{year} 年六月综合考试系数：下半年星级工资 × %{percent}%',
      star_pay: '本月星级工资 %{yuan} 元',
      e5_evaluations: '本月计分评价 %{count} 次，合计 %{sum} 分',
      e5_self_satisfied: '工长自评满意 %{count} 次（工单 %{orders}）',
      e5_self_basic: '工长自评基本满意 %{count} 次（工单 %{orders}）',
      e5_self_dissatisfied: '工长自评不满意 %{count} 次（工单 %{orders}）',
      e5_callback_satisfied: '回访满意 %{count} 次（工单 %{orders}）',
      e5_callback_basic: '回访基本满意 %{count} 次（工单 %{orders}）',
      e5_callback_dissatisfied: '回访不满意 %{count} 次（工单 %{orders}）',
      e5_formula: '平均分 %{average} + 评价工单数 %{count} × %{factor} = %{bonus}，月度得分 %{total}',
    },
  },
};
