import type { MessageParams } from './types';

/**
 * Why a computed result is what it is: the RULES.md IDs that produced it, the pinned policy version and the facts it
 * counted. Each fact is a stable `code` + `params` (the console renders `qf.result_why.<code>` in the user's language;
 * people and orders appear in the params by name and number, never by id).
 */
export interface ResultWhy {
  rules: string[];
  policyVersion: number | null;
  facts: { code: string; params: MessageParams }[];
}
