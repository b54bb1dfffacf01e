/** Fault-analysis meetings (故障分析会); open rectifications are due at a meeting. */
export interface MeetingRecord {
  id: string;
  title: string;
  scheduledAt: string;
  createdAt: string | null;
  openCount: number | null;
}

/**
 * `<DateTimeInput>` yields a local `YYYY-MM-DDTHH:mm`; the api takes ISO instants. Only the contract's
 * fields are sent (`{title, scheduledAt}`), not the read-only ones of the record.
 */
export const toMeetingInput = (data: Record<string, unknown>) => {
  const raw = data.scheduledAt;
  let scheduledAt: unknown = raw;
  if (typeof raw === 'string' || raw instanceof Date) {
    const d = new Date(raw);
    if (!Number.isNaN(d.getTime())) scheduledAt = d.toISOString();
  }
  return { title: typeof data.title === 'string' ? data.title.trim() : data.title, scheduledAt };
};
