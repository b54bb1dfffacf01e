/** Chinese labels of the errors area (merged over zh.ts; en has the same keys in errors.en.ts). */
export const zh = {};
