/** English labels of the policies area (same keys as policies.zh.ts). */
export const en = {};
