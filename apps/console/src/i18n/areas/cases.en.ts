/** English labels of the cases area (same keys as cases.zh.ts). */
export const en = {};
