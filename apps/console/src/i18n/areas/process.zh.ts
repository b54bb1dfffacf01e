/** Chinese labels of the process area (merged over zh.ts; en has the same keys in process.en.ts). */
export const zh = {};
