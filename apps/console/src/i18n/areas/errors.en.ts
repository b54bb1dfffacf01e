/** English labels of the errors area (same keys as errors.zh.ts). */
export const en = {};
