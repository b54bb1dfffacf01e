/** A policy version as the api shows it (`GET /policies/:id`). */
export interface PolicyRecord {
  id: number;
  version: number;
  status: 'draft' | 'published';
  /** 名称 and 说明 of the version (set when the draft is created) */
  label: string;
  description: string;
  /** who created the draft, as 姓名（工号） */
  author: string | null;
  authorId?: string | null;
  effectiveFrom: string | null;
  body: Record<string, unknown>;
  createdAt?: string;
  publishedAt?: string | null;
}

export const isRec = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
