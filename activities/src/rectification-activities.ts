import { DataSource } from 'typeorm';
import { RectificationActivities } from '@qf/contracts';

export function createRectificationActivities(ds: DataSource): RectificationActivities {
  return {
    /** E-7: the first fault-analysis meeting after the instant. */
    async nextMeeting(afterIso) {
      const [m] = await ds.query(
        `SELECT id, scheduled_at FROM meetings WHERE scheduled_at > $1 ORDER BY scheduled_at LIMIT 1`,
        [afterIso],
      );
      return m ? { meetingId: m.id, scheduledAt: new Date(m.scheduled_at).toISOString() } : null;
    },

    async updateRectification({ caseId, ...patch }) {
      const sets: string[] = [];
      const params: unknown[] = [caseId];
      const col: Record<string, string> = {
        meetingId: 'meeting_id',
        dueAt: 'due_at',
        status: 'status',
        overdue: 'overdue',
        submittedAt: 'submitted_at',
      };
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || !col[k]) continue;
        params.push(v);
        sets.push(`${col[k]} = $${params.length}`);
      }
      if (sets.length) await ds.query(`UPDATE rectifications SET ${sets.join(', ')} WHERE case_id = $1`, params);
    },
  };
}
