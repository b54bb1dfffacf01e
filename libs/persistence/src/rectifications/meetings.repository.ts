import { rectificationDueAt } from '@qf/domain';
import type { Queryable } from '../core/queryable';
import { selectPage, Where } from '../core/list-page';

export interface MeetingRow {
  id: string;
  title: string;
  scheduledAt: Date;
  createdAt: Date;
  /** open rectifications due at it */
  openCount: number;
}

/** The sortable fields of the meeting list and their columns. */
export const MEETING_SORT = { scheduledAt: 'm.scheduled_at', title: 'm.title' };

const COLUMNS = `m.id, m.title, m.scheduled_at AS "scheduledAt", m.created_at AS "createdAt",
  (SELECT count(*)::int FROM rectifications r WHERE r.meeting_id = m.id AND r.status = 'open') AS "openCount"`;

export async function listMeetings(
  q: Queryable,
  o: { orderBy: string; limit: number; offset: number },
): Promise<{ rows: MeetingRow[]; total: number }> {
  return selectPage<MeetingRow>(q, {
    columns: COLUMNS,
    from: 'FROM meetings m',
    where: new Where(),
    orderBy: o.orderBy,
    tieBreaker: 'm.id',
    limit: o.limit,
    offset: o.offset,
  });
}

export async function findMeeting(q: Queryable, id: string): Promise<MeetingRow | undefined> {
  const [m] = await q.query(`SELECT ${COLUMNS} FROM meetings m WHERE m.id = $1`, [id]);
  return m;
}

/**
 * E-7: the candidate meetings for a due date: those not before `fromIso` (the rule — the first one strictly after the
 * opening instant — is `rectificationDueAt` in libs/domain). Times as ISO strings.
 */
async function meetingsFrom(q: Queryable, fromIso: string): Promise<{ id: string; scheduledAt: string }[]> {
  const rows: { id: string; scheduled_at: Date }[] = await q.query(
    `SELECT id, scheduled_at FROM meetings WHERE scheduled_at >= $1 ORDER BY scheduled_at, id`,
    [fromIso],
  );
  return rows.map((m) => ({ id: m.id, scheduledAt: new Date(m.scheduled_at).toISOString() }));
}

/** E-7: the meeting a rectification opened at `atIso` is due at — `rectificationDueAt` over the candidates — or null. */
export async function dueMeeting(
  q: Queryable,
  atIso: string,
): Promise<{ meetingId: string; scheduledAt: string } | null> {
  const candidates = await meetingsFrom(q, atIso);
  const dueAt = rectificationDueAt(
    candidates.map((m) => m.scheduledAt),
    atIso,
  );
  const m = candidates.find((c) => c.scheduledAt === dueAt);
  return m ? { meetingId: m.id, scheduledAt: m.scheduledAt } : null;
}

export async function insertMeeting(q: Queryable, m: { title: string; scheduledAt: string }): Promise<string> {
  const [r] = await q.query(`INSERT INTO meetings (title, scheduled_at) VALUES ($1, $2) RETURNING id`, [
    m.title,
    m.scheduledAt,
  ]);
  return r.id;
}

export async function updateMeeting(
  q: Queryable,
  m: { id: string; title: string; scheduledAt: string },
): Promise<void> {
  await q.query(`UPDATE meetings SET title = $2, scheduled_at = $3 WHERE id = $1`, [m.id, m.title, m.scheduledAt]);
}

/** The workflows of the open, non-internal rectifications due at a meeting (or, with null, without one). */
export async function openRectificationWorkflows(q: Queryable, meetingId: string | null): Promise<string[]> {
  const rows: { workflow_id: string }[] = await q.query(
    `SELECT c.workflow_id FROM rectifications r JOIN cases c ON c.id = r.case_id
     WHERE r.status = 'open' AND NOT r.internal AND r.meeting_id IS NOT DISTINCT FROM $1::uuid`,
    [meetingId],
  );
  return rows.map((r) => r.workflow_id);
}
