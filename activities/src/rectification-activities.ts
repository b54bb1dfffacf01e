import { DataSource } from 'typeorm';
import { RectificationActivities } from '@qf/contracts';
import { dueMeeting, updateRectification } from '@qf/persistence';

export function createRectificationActivities(ds: DataSource): RectificationActivities {
  return {
    /** E-7: the first fault-analysis meeting after the instant (rectificationDueAt, through dueMeeting). */
    async nextMeeting(afterIso) {
      return dueMeeting(ds, afterIso);
    },

    async updateRectification({ caseId, ...patch }) {
      await updateRectification(ds, caseId, patch);
    },
  };
}
