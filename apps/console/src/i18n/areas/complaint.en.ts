/** English labels of the complaint area (same keys as complaint.zh.ts). */
export const en = {};
