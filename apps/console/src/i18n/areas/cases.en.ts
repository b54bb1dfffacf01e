/** English labels of the cases area (same keys as cases.zh.ts). */
export const en = {
  qf: {
    task: {
      pending_decision: 'To be decided',
    },
  },
};
