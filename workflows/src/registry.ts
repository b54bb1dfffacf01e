// The workflows the worker registers, as the worker loads them: the same names as ./index, each exported lazily.
//
// Why lazily (issue 18): with the SDK's reusable V8 context every workflow run evaluates, in its own module cache, each
// module it requires, and the SDK requires this file for every run. Re-exported plainly (./index), every run — a review
// case as much as a settlement — evaluated every workflow's modules: stars, complaints, perception, their rules. Here
// each name is a getter that requires its module only when the SDK looks that workflow type up, so a run evaluates its
// own workflow's modules only. webpack still bundles them all (each `require` has a literal path).
// CommonJS on purpose (no import/export): an ES module's exports cannot be getters that load on access.
// ./registry.spec.ts checks that it registers exactly ./index's workflows.
{
  const lazily = (load: () => Record<string, unknown>, names: string[]) => {
    for (const name of names) Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });
  };
  lazily(() => require('./review-case.workflow'), ['reviewCase']);
  lazily(() => require('./complaint-liability.workflow'), ['complaintLiability']);
  lazily(() => require('./monthly-settlement.workflow'), ['monthlySettlement']);
  lazily(() => require('./rectification.workflow'), ['rectification']);
  lazily(() => require('./daily-evaluation.workflow'), ['dailyEvaluationAssignment']);
  lazily(() => require('./repair-star.workflow'), ['repairStar']);
  lazily(() => require('./star-campaign.workflow'), ['starCampaign']);
  lazily(() => require('./star-application.workflow'), ['starApplication']);
  lazily(() => require('./star-review.workflow'), ['starMonthlyReview']);
  lazily(() => require('./perception-month.workflow'), ['perceptionMonth']);
  lazily(() => require('./scorecard-month.workflow'), ['scorecardMonth']);
  lazily(() => require('./interview.workflow'), ['interview']);
  lazily(() => require('./policy-simulation.workflow'), ['policySimulation']);
  lazily(() => require('./quarterly-assessment.workflow'), ['quarterlyAssessment', 'quarterlyPlanDraft']);
  lazily(() => require('./service-orders.workflow'), ['serviceOrderDeadlineScan', 'orderRedispatch', 'serviceFine']);
}
