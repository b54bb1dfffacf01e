import { DataSource } from 'typeorm';
import { EvaluationActivities } from '@qf/contracts';
import {
  assignEvaluationsForDate,
  policyInEffect,
  remindUnansweredEvaluations,
  reportEvaluationResults,
} from '@qf/persistence';

/** Activities of the daily evaluation assignment (E-2) and its reminders (E-4); idempotent by date and by evaluation. */
export function createEvaluationActivities(ds: DataSource): EvaluationActivities {
  return {
    async evaluationPolicy() {
      return policyInEffect(ds);
    },

    async assignEvaluations({ date, seed }) {
      const r = await assignEvaluationsForDate(ds, { date, seed, actor: { name: 'schedule' } });
      // the skipped orders stay explainable in the api; the workflow's history keeps the first ones
      return { ...r, skipped: r.skipped.slice(0, 50) };
    },

    async remindEvaluations(input) {
      return remindUnansweredEvaluations(ds, input);
    },

    async reportEvaluationResults(input) {
      return reportEvaluationResults(ds, input);
    },
  };
}
