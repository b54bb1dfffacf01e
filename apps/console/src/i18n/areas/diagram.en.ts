/** English labels of the flow diagram (flow editor and case page, issue 17); zh has the same keys in diagram.zh.ts. */
export const en = {
  qf: {
    flow: {
      edge: { liable: 'Liable', not_liable: 'Other verdict, closed', appealed: 'Appealed', no_appeal: 'No appeal' },
    },
    flow_diagram: {
      title: 'Flow diagram',
      start: 'Start',
      end: 'End',
      start_short: 'S',
      end_short: 'E',
      state: { done: 'done', current: 'current', pending: 'not started', skipped: 'passed by' },
      decided: '%{who} %{decision} %{at}',
      waiting_on: 'Waiting on: %{who}',
      nobody: 'nobody yet',
      due: 'Due: %{at}',
      more: '%{n} more',
      not_reached: 'Not reached yet',
      passed_by: 'The case did not pass here',
      a11y: 'A stage of the flow',
    },
  },
};
