/** English labels of the process area (same keys as process.zh.ts). */
export const en = {};
