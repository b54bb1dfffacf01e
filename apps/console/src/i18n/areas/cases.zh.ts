/** Chinese labels of the cases area (merged over zh.ts; en has the same keys in cases.en.ts). */
export const zh = {
  qf: {
    task: {
      pending_decision: '待决事项',
    },
  },
};
