// Every workflow the worker registers. Workflow code only: deterministic, no I/O, no Node APIs.
export { reviewCase } from './review-case.workflow';
export { complaintLiability } from './complaint-liability.workflow';
export { monthlySettlement } from './monthly-settlement.workflow';
export { rectification } from './rectification.workflow';
export { dailyEvaluationAssignment } from './daily-evaluation.workflow';
export { repairStar } from './repair-star.workflow';
export { starCampaign } from './star-campaign.workflow';
export { starApplication } from './star-application.workflow';
export { starMonthlyReview } from './star-review.workflow';
export { perceptionMonth } from './perception-month.workflow';
export { scorecardMonth } from './scorecard-month.workflow';
export { interview } from './interview.workflow';
export { policySimulation } from './policy-simulation.workflow';
export { quarterlyAssessment, quarterlyPlanDraft } from './quarterly-assessment.workflow';
export { serviceOrderDeadlineScan, orderRedispatch, serviceFine } from './service-orders.workflow';
