/** Chinese labels of the flow diagram (flow editor and case page, issue 17); en has the same keys in diagram.en.ts. */
export const zh = {
  qf: {
    flow: {
      edge: { liable: '有理有责', not_liable: '其他结论，结案', appealed: '提出申诉', no_appeal: '未申诉' },
    },
    flow_diagram: {
      title: '流程图',
      start: '开始',
      end: '结束',
      start_short: '始',
      end_short: '终',
      state: { done: '已完成', current: '当前环节', pending: '未开始', skipped: '未经过' },
      decided: '%{who} %{decision} %{at}',
      waiting_on: '待办：%{who}',
      nobody: '暂无处理人',
      due: '期限：%{at}',
      more: '另有 %{n} 条',
      not_reached: '尚未到达',
      passed_by: '未经过此环节',
      a11y: '流程图中的环节',
    },
  },
};
