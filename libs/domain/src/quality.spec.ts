import { defaultPolicy } from '@qf/policy';
import { nextAssessmentStage, quarterPeriod, validateAssessmentPlan } from './quality';

const policy = defaultPolicy();

describe('quality management cycle', () => {
  it('Q-1 a quarterly plan names period, scope and indicators', () => {
    expect(validateAssessmentPlan({ period: '2024-Q2', scope: ['branch-1'], indicators: ['satisfaction'] })).toEqual(
      [],
    );
    expect(validateAssessmentPlan({ period: '2024-05', scope: [], indicators: [] }).map((v) => v.path)).toEqual([
      'period',
      'scope',
      'indicators',
    ]);
  });

  it('Q-1 the quarter period runs from its first to its last day', () => {
    expect(quarterPeriod('2024-Q1')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(quarterPeriod('2024-Q4')).toEqual({ from: '2024-10-01', to: '2024-12-31' });
  });

  it('Q-1 plan → collect → analyse → report → feedback', () => {
    expect(nextAssessmentStage('plan', policy)).toBe('collect');
    expect(nextAssessmentStage('report', policy)).toBe('feedback');
    expect(nextAssessmentStage('feedback', policy)).toBeNull();
  });
});
