import type { Policy } from '@qf/policy';
import { addMonths } from './calendar';
import { RuleViolation } from './types';

export interface AssessmentPlan {
  /** YYYY-Qn */
  period: string;
  scope: readonly string[];
  indicators: readonly string[];
}

/** the first and last date of a quarter given as YYYY-Qn. */
export function quarterPeriod(period: string): { from: string; to: string } {
  const m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!m) throw new RangeError(`period must be YYYY-Qn: ${period}`);
  const from = `${m[1]}-${String((Number(m[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
  const next = addMonths(from, 3);
  const to = new Date(Date.parse(`${next}T00:00:00Z`) - 86400000).toISOString().slice(0, 10);
  return { from, to };
}

/** a quarterly assessment plan names its period, scope and indicators. */
export function validateAssessmentPlan(plan: AssessmentPlan): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (!/^\d{4}-Q[1-4]$/.test(plan.period))
    out.push({
      path: 'period',
      message: 'period must be a quarter YYYY-Qn (Q-1)',
      rule: 'Q-1',
      code: 'quality.period',
    });
  if (!plan.scope?.length)
    out.push({
      path: 'scope',
      message: 'the plan must name its scope (Q-1)',
      rule: 'Q-1',
      code: 'quality.scope_required',
    });
  if (!plan.indicators?.length)
    out.push({
      path: 'indicators',
      message: 'the plan must name its indicators (Q-1)',
      rule: 'Q-1',
      code: 'quality.indicators_required',
    });
  return out;
}

/** plan → collect → analyse → report → feedback; null after the last stage. */
export function nextAssessmentStage(stage: string, policy: Policy): string | null {
  const stages = policy.quality.assessmentStages;
  const i = stages.indexOf(stage);
  if (i < 0) throw new RangeError(`unknown assessment stage ${stage}`);
  return stages[i + 1] ?? null;
}
