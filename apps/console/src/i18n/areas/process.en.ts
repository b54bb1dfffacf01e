/** English labels of the process area (same keys as process.zh.ts). */
import { deepMerge } from '../merge';

/** B1 (stars): keys under qf.stars_ui and the star resources. */
const stars = {};

/** B2 (settlement, evaluation, rectification, meetings, work orders): keys under qf.process_ui and their resources. */
const settlementEvaluation = {
  qf: {
    process_ui: {
      actions: {
        rect_submit_plan: 'Submit the rectification',
        rect_confirm: 'Confirm it is done',
        rect_confirm_help: 'The fault-analysis meeting confirms the rectification; it closes.',
        rect_reopen: 'Reopen',
        rect_reopen_help: 'Reopened, it is due again before the next fault-analysis meeting.',
        rect_reopen_comment: 'Why it is reopened',
        rect_submit_note: 'Submit the internal note',
        settlement_confirm: "Confirm the branch's results",
        settlement_confirm_help: "Confirms the branch's people, points, grades and money above.",
        settlement_reject: 'Reject for correction',
        settlement_reject_help: 'After the correction the month is recomputed and every branch confirms again.',
        settlement_reject_comment: 'What must be corrected',
        settlement_approve: 'Approve and lock the month',
        settlement_approve_help: 'Once approved the month is locked; later changes go to the next open month (H-2).',
        settlement_return: 'Return for recomputation',
        settlement_return_help: 'The month is recomputed and every branch confirms again.',
        settlement_return_comment: 'Why it is returned',
      },
      rect: {
        late: 'Submitted late',
        no_branch: 'Company level',
        callback_heading: 'The %{kind} that opened it',
        customer: 'Customer (reporter)',
        evaluator: 'Evaluator',
        answered_at: 'Answered at',
        answers: 'Callback answers',
        question: 'Question',
        answer: 'Answer',
        no_answer: 'not recorded',
        note: 'Why dissatisfied',
        plan_heading: "The team lead's rectification",
        due_meeting: 'Due before the fault-analysis meeting',
        internal_no_meeting: 'Internal note, no meeting',
        no_meeting: 'No fault-analysis meeting scheduled yet',
        not_found: 'Rectification not found',
      },
      settlement: {
        list_empty: 'No monthly settlement yet: HR starts one with “Start month close”.',
        month_help: 'Year-month, e.g. 2025-03',
        case: 'Source case',
        company_level: 'Company level',
        covered_by_hr: 'No branch confirmation (HR approves)',
        confirmed_by: 'Confirmed by %{who} at %{at}',
        rejected_by: 'Rejected by %{who} at %{at}',
        waiting_for: 'Waiting for %{who}',
        money_yuan: 'Deduction (yuan)',
        money_total_yuan: 'Deductions in all (yuan)',
        total: 'Total',
        round: 'Round %{n}',
        open_settlement: 'Open the settlement',
        load_error: 'Settlement data unavailable: %{error}',
        branch_to_confirm: 'Branch to confirm: %{branch}',
        branch_no_rows: 'No deductions or bonuses in this branch this month',
        branch_rows: "The branch's employees",
      },
      work_order: {
        skip: {
          not_closed: 'Not closed: not evaluated (E-1)',
          not_hotline: 'Not first registered through the unified hotline: not evaluated (E-1)',
          already_evaluated: 'The order already has its evaluations (E-1)',
          fault_evaluated: 'The fault was already evaluated and this is no repeat report (E-1)',
        },
      },
      scores: {
        reason_star: 'Repair star of the month: %{name}, total %{total} (highest average plus volume bonus)',
        reason_team: 'Best team of the month: %{team}, mean %{average}',
      },
      evaluation: {
        evaluator: 'Evaluator',
        pending_card: 'Callbacks to make',
        pending_card_overdue: 'Callbacks to make (%{n} overdue)',
      },
    },
  },
};

export const en = deepMerge(stars as Record<string, unknown>, settlementEvaluation);
