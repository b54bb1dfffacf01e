/** Chinese labels of the policies area (merged over zh.ts; en has the same keys in policies.en.ts). */
export const zh = {};
