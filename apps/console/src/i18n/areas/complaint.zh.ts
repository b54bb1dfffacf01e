/** Chinese labels of the complaint area (merged over zh.ts; en has the same keys in complaint.en.ts). */
export const zh = {};
