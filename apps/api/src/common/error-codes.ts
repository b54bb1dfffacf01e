import { ApiErrorDetail, ApiErrorParams } from '@qf/contracts';

/**
 * The fallback for refusals raised without a stable code (README "Errors"): an api error names its code where it is
 * thrown (`badRequest(message, details, code, params)`); the messages of the workflows' validators (which cross
 * Temporal as text) and of the few api checks not yet coded are matched here once, so every answer carries a `code`
 * the console translates (`qf.errors.<code>`). A match's groups become the named params.
 */
type Entry = [pattern: RegExp, code: string, params?: string[]];

const TOP: Entry[] = [
  // tasks and cases (workflow validators, cases service)
  [/^the task has already been decided$/, 'task.decided'],
  [/^the task is assigned to another person$/, 'task.assigned_to_other'],
  [/^the task needs role (\S+)$/, 'task.needs_role', ['role']],
  [/^the task is claimed by another person$/, 'task.claimed_by_other'],
  [/^the task is not part of the current stage$/, 'task.not_current'],
  [/^this stage is closed/, 'stage.closed'],
  [/^action (\S+) is not allowed at stage (\S+)$/, 'task.action_not_allowed', ['action', 'stage']],
  [/^you have already decided at this stage/, 'task.already_decided_by_you'],
  [/^(\S+) needs data\.userId$/, 'task.target_required', ['action']],
  [/^only the initiator may withdraw the case$/, 'case.withdraw_initiator_only'],
  [/^returning needs a comment$/, 'task.return_comment_required'],
  [/^malformed action$/, 'task.malformed'],
  // lists, files, bodies
  [/^send the file as multipart field "file"$/, 'import.file_required'],
  [/^the file has no data rows$/, 'import.no_rows'],
  [/^missing columns: (.+)$/, 'import.missing_columns', ['columns']],
  [/^(\d+) bad row\(s\): nothing was imported$/, 'import.bad_rows', ['count']],
  [/^(\d+) order\(s\) already imported/, 'import.orders_exist', ['count']],
  [/^the file needs the columns /, 'import.exam_columns'],
  [/^month must be YYYY-MM$/, 'month.invalid'],
  [/^request body is not valid JSON$/, 'body.not_json'],
  [/^request body too large$/, 'body.too_large'],
  [/^malformed value: /, 'input.malformed'],
  [/^value not accepted: /, 'input.not_accepted'],
  [/^already exists: /, 'already_exists'],
  [/^refers to a record that does not exist/, 'reference_missing'],
  [/^internal error$/, 'internal'],
  // org
  [/^unknown employee$/, 'employee.unknown'],
  [/^(teamUnitId) must name a team/, 'unit.not_team'],
  // complaints
  [/^unitId does not name an org unit/, 'complaint.unit_unknown'],
  [/^employeeIds name unknown employees/, 'complaint.employees_unknown'],
  // settlement
  [/^month (\S+) is already locked/, 'settlement.month_locked', ['month']],
  // evaluation
  [/^this evaluation is assigned to another person$/, 'evaluation.assigned_to_other'],
  [/^this evaluation needs role (\S+)$/, 'evaluation.needs_role', ['role']],
  [/^this evaluation has already been answered$/, 'evaluation.answered'],
  [/^(\S+) is not over yet: the repair star/, 'repair_star.month_not_over', ['month']],
  [/^(\S+) has no scored evaluations/, 'repair_star.no_scores', ['month']],
  // stars
  [/^the (\d{4}) campaign already exists/, 'campaign.exists', ['year']],
  [/^the (\S+) phase ends by itself/, 'campaign.phase_ends_itself', ['phase']],
  [/^the campaign is in its (\S+) phase, not (\S+)$/, 'campaign.phase_mismatch', ['phase', 'from']],
  [
    /^applications are closed: the (\d{4}) campaign is in its (\S+) phase/,
    'campaign.applications_closed',
    ['year', 'phase'],
  ],
  [/^no star campaign is open for applications/, 'campaign.none_open'],
  [/^already applied for (\d) star\(s\) in the (\d{4}) campaign/, 'application.exists', ['level', 'year']],
  [/^not eligible: /, 'star.not_eligible'],
  [/^level must be 1, 2 or 3$/, 'star.level_invalid'],
  [/^your login has no employee record/, 'star.no_employee'],
  [/^only a team lead nominates someone else/, 'star.nominate_lead_only'],
  [/^only a team lead recommends an agent as outstanding/, 'star.recommend_lead_only'],
  [/^this (application) is outside your scope$/, 'forbidden.scope', ['what']],
  [/^a rejection needs a reason/, 'star.reject_reason_required'],
  [
    /^the application is not waiting for a team lead's review \(status (\S+)\)$/,
    'application.not_in_review',
    ['status'],
  ],
  [/^the application waits for the team lead's review/, 'application.awaits_review'],
  [
    /^the recommendation quota of (\d+) place\(s\) for (\d) star\(s\) is used: (\d+) already recommended/,
    'star.quota_used',
    ['quota', 'level', 'used'],
  ],
  [/^the vote on this candidate is not open \(status (\S+)\)/, 'vote.not_open', ['status']],
  [/^conflict of interest: /, 'vote.conflict_of_interest'],
  [/^you have no open vote on this candidate/, 'vote.none_open'],
  [/^toLevel must be below the held (\d) star\(s\)/, 'star.demotion_not_lower', ['level']],
  [/^kind must be one of (.+) \(S-2\)$/, 'star.award_kind_unknown', ['kinds']],
  [/^the (\S+) star review is not waiting for scores$/, 'star_review.not_waiting', ['month']],
  [/^no exam is open for this application \(status (\S+)\)$/, 'exam.not_open', ['status']],
  [/^exam scores are entered in the exam phase; the campaign is in its (\S+) phase/, 'exam.wrong_phase', ['phase']],
  [/^the exam cascade is finished/, 'exam.cascade_finished'],
  [/^the next exam for this candidate is the (\d)-star exam/, 'exam.next_level', ['level']],
  [/^score must be a number from 0 to 100$/, 'exam.score_range'],
];

/** Details raised without a code (controllers' own checks, import rows). */
const DETAIL: Entry[] = [
  [/^required( to publish)?$/, 'required'],
  [/^locked$/, 'settlement.month_locked'],
  [/^xlsx \| csv$/, 'export.format'],
  [/^not a team$/, 'unit.not_team'],
  [/^missing column ?(.*)$/, 'import.missing_column', ['column']],
  [/^no rows$/, 'import.no_rows'],
  [/^unreadable file$/, 'import.unreadable'],
  [/^already imported$/, 'import.order_exists'],
  [/^unknown org unit$/, 'complaint.unit_unknown'],
  [/^unknown employee/, 'employee.unknown'],
  [/^not found$/, 'employee.unknown'],
  [/^not valid JSON$/, 'list.not_json'],
  [/^one of (.+)$/, 'list.sort_one_of', ['fields']],
  [/^team lead only$/, 'star.recommend_lead_only'],
  [/^not lower$/, 'star.demotion_not_lower'],
  [/^unknown award kind$/, 'star.award_kind_unknown'],
  [/^must be 1, 2 or 3$/, 'star.level_invalid'],
  [/^must be 0–100$/, 'exam.score_range'],
  [/^an appeal needs its reason/, 'appeal.reason_required'],
  [/^the awards deadline (\S+) has passed/, 'campaign.awards_deadline_passed', ['date']],
  [/^the ceremony falls in the award phase/, 'campaign.ceremony_in_award_phase'],
  [/^row (\d+): (.*) has no application in this campaign$/, 'import.exam_no_application', ['row', 'code']],
  [/^row (\d+): level must be 1, 2 or 3$/, 'import.exam_level', ['row']],
  [/^row (\d+): score must be 0–100$/, 'import.exam_score', ['row']],
  [/^orderNo (\S+) repeats an earlier row$/, 'import.order_repeats', ['orderNo']],
  [/^repairerCode (\S+) is not an employee$/, 'import.repairer_unknown', ['code']],
  [/^teamCode (\S+) is not a team$/, 'import.team_unknown', ['code']],
  [/^code (\S+) repeats row (\d+)$/, 'import.employee_code_repeats', ['code', 'row']],
  [/^unitCode (\S+) is not an org unit$/, 'import.unit_unknown', ['code']],
  [/^(\S+) (\S+) is neither in the file nor an employee$/, 'import.lead_unknown', ['column', 'code']],
  [/^([\w.]+): /, 'import.row_field', ['field']],
];

const FALLBACK: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden.other',
  404: 'not_found.record',
  409: 'conflict',
  413: 'body.too_large',
  429: 'too_many_requests',
  500: 'internal',
  503: 'unavailable',
};

function match(table: Entry[], message: string): { code: string; params?: ApiErrorParams } | null {
  for (const [re, code, names] of table) {
    const m = re.exec(message);
    if (!m) continue;
    if (!names?.length) return { code };
    const params: ApiErrorParams = {};
    names.forEach((n, i) => {
      if (m[i + 1] !== undefined) params[n] = /^\d+$/.test(m[i + 1]) ? Number(m[i + 1]) : m[i + 1];
    });
    return { code, params };
  }
  return null;
}

/** The code of a top-level error: its own, a known message's, `validation` for a 400 with details, else by status. */
export function errorCode(
  status: number,
  message: string,
  hasDetails: boolean,
): { code: string; params?: ApiErrorParams } {
  return (
    match(TOP, message) ??
    (status === 400 && hasDetails
      ? { code: 'validation' }
      : { code: FALLBACK[status] ?? (status >= 500 ? 'internal' : 'bad_request') })
  );
}

/** A detail with its code: its own, a known message's, `rule.<ID>` when it names a rule, else `invalid`. */
export function withDetailCode(d: ApiErrorDetail): ApiErrorDetail {
  if (d.code) return d;
  const m =
    match(DETAIL, d.message) ??
    match(TOP, d.message) ??
    (d.rule ? { code: 'rule_violation', params: { rule: d.rule } } : { code: 'invalid' });
  return { ...d, code: m.code, ...(m.params || d.params ? { params: { ...m.params, ...d.params } } : {}) };
}
