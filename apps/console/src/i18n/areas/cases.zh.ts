/** Chinese labels of the cases area (merged over zh.ts; en has the same keys in cases.en.ts). */
export const zh = {};
