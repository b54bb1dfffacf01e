import type { RuleNote } from '@qf/contracts/stars';

/**
 * The star workflows and rules record their explanations as English sentences (stored with the application, the
 * monthly result and the star history). On a zh-CN screen each known sentence is rendered from the catalogue
 * (`qf.stars_ui.text.<key>`) with its figures; a note that carries a stable `code` (issue 11, D) uses
 * `qf.errors.<code>` first. Anything unknown is shown as it came (en keeps the original sentence).
 */
export const PATTERNS: readonly { re: RegExp; key: string; names: readonly string[] }[] = [
  // S-6 team-lead review
  { re: /^rejected by the team lead: ([\s\S]*?) \(S-6\)$/, key: 'lead_rejected', names: ['reason'] },
  { re: /^not reviewed before the committee phase \(S-6\)$/, key: 'lead_not_reviewed', names: [] },
  { re: /^a rejection needs a reason \(S-6\)$/, key: 'reject_needs_reason', names: [] },
  // S-5 quota
  {
    re: /^the recommendation quota of (\d+) place\(s\) for (\d) star\(s\) is used(?::| \()\s*(\d+)[^)]*\)? ?(?:already recommended )?\(S-5\)$/,
    key: 'quota_used',
    names: ['quota', 'level', 'used'],
  },
  // S-7 exam cascade
  { re: /^awaiting the (\d)-star exam \(S-7\)$/, key: 'exam_awaiting', names: ['level'] },
  {
    re: /^passed the (\d)-star exam with ([\d.]+) \(pass mark ([\d.]+)\) \(S-7\)$/,
    key: 'exam_passed',
    names: ['level', 'score', 'mark'],
  },
  { re: /^failed every exam down to 1 star \(S-7\)$/, key: 'exam_failed_all', names: [] },
  { re: /^no exam score was entered before the committee phase \(S-7\)$/, key: 'exam_none_entered', names: [] },
  // S-8 committee and quota allocation
  {
    re: /^approved with (\d+) votes and awarded within the quota of (\d+) \(S-8\)$/,
    key: 'awarded_within_quota',
    names: ['approvals', 'quota'],
  },
  {
    re: /^approved but over the quota of (\d+): exam score (\S+) ranks below the last awarded score (\S+) of ([\s\S]+) \(S-8\)$/,
    key: 'over_quota',
    names: ['quota', 'score', 'cut', 'name'],
  },
  { re: /^approved but the quota is (\d+) \(S-8\)$/, key: 'quota_zero', names: ['quota'] },
  {
    re: /^not approved by the committee: (\d+) of (\d+) votes cast \(S-8\)$/,
    key: 'not_approved',
    names: ['approvals', 'cast'],
  },
  {
    re: /^no quorum: (\d+) of (\d+) members voted, (\d+) needed \(S-8\)$/,
    key: 'no_quorum',
    names: ['cast', 'members', 'needed'],
  },
  { re: /^not approved: (\d+) of (\d+) votes cast \(S-8\)$/, key: 'not_approved', names: ['approvals', 'cast'] },
  { re: /^approved: (\d+) of (\d+) votes cast \(S-8\)$/, key: 'approved_votes', names: ['approvals', 'cast'] },
  // S-9 award
  {
    re: /^awarded (\d) star\(s\), effective (\S+) \(S-9\)(?:; ([\s\S]*))?$/,
    key: 'awarded',
    names: ['level', 'date', 'rest'],
  },
  // S-2 eligibility notes
  { re: /^under the tenure, admitted on the team lead's recommendation$/, key: 'note_recommended', names: [] },
  {
    re: /^re-applies for the held (\d)-star level; the exam is required again$/,
    key: 'note_reapply',
    names: ['level'],
  },
  {
    re: /^company award or advanced individual this year: may apply for 2 stars directly \(exam still required\)$/,
    key: 'note_direct_two',
    names: [],
  },
  // S-10 monthly result
  { re: /^one-vote veto[\s\S]*\(S-10\)$/, key: 'month_vetoed', names: [] },
  { re: /^score ([\d.]+) ≥ ([\d.]+): full star pay \(S-10\)$/, key: 'month_full', names: ['score', 'mark'] },
  { re: /^score ([\d.]+): star pay × ([\d.]+)% \(S-10\)$/, key: 'month_proportional', names: ['score', 'percent'] },
  {
    re: /^score ([\d.]+) below ([\d.]+): star pay cancelled or lowered one level \(S-10\)$/,
    key: 'month_cancelled',
    names: ['score', 'mark'],
  },
  // S-11, S-12, S-4 lowering
  { re: /^(\d+) consecutive months below ([\d.]+) \(S-11\)$/, key: 'run_below', names: ['n', 'score'] },
  { re: /^(\d+) months in (\d{4}) below ([\d.]+) \(S-11\)$/, key: 'year_below', names: ['n', 'year', 'score'] },
  {
    re: /^June exam rank (\d+) allows (\d) star\(s\) at most \(S-4, S-11\)$/,
    key: 'june_rank',
    names: ['rank', 'level'],
  },
  { re: /^June exam ([\d.]+): second-half star pay × (\d+)% \(S-12\)$/, key: 'june_pay', names: ['score', 'percent'] },
  { re: /^June exam ([\d.]+): star cancelled or lowered one level \(S-12\)$/, key: 'june_cancel', names: ['score'] },
];

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The catalogue's sentence for a known English explanation (zh); the sentence itself otherwise. */
export const starText = (translate: Translate, locale: string, text: string | null | undefined): string => {
  if (!text) return '';
  if (locale === 'en') return text;
  const t = text.trim();
  for (const p of PATTERNS) {
    const m = p.re.exec(t);
    if (!m) continue;
    const params: Record<string, unknown> = {};
    p.names.forEach((n, i) => (params[n] = m[i + 1] ?? ''));
    // the award sentence carries the allocation's sentence after "; "
    if (p.key === 'awarded') {
      const rest = m[3] ? starText(translate, locale, m[3]) : '';
      return translate('qf.stars_ui.text.awarded', { ...params, rest: rest ? `；${rest}` : '' });
    }
    return translate(`qf.stars_ui.text.${p.key}`, { ...params, _: text });
  }
  // a sentence with a Chinese addition after its rule ("…(S-10)：有责投诉一次", "…(S-10)（本月有责投诉 1 件）")
  const split = /^([\s\S]*?\(S-\d+\))([：（][\s\S]+)$/.exec(t);
  if (split) {
    const head = starText(translate, locale, split[1]);
    if (head !== split[1]) {
      const rule = /（S-[\d、…-]+）$/.exec(head)?.[0] ?? '';
      const tail = split[2].startsWith('：') ? `（${split[2].slice(1)}）` : split[2];
      return head.slice(0, head.length - rule.length) + tail + rule;
    }
  }
  return text;
};

/** A rule note (eligibility S-2…S-4) in the user's language: its stable code first, then the known sentences. */
export const noteText = (
  translate: Translate,
  locale: string,
  note: RuleNote & { code?: string; params?: Record<string, unknown> },
): string => {
  if (note.code) {
    const byCode = translate(`qf.errors.${note.code}`, { ...(note.params ?? {}), _: '' });
    if (byCode) return byCode;
  }
  return starText(translate, locale, note.message);
};

/** 姓名（工号） */
export const personLabel = (name?: string | null, code?: string | null): string =>
  name ? (code ? `${name}（${code}）` : name) : (code ?? '—');

/** Integer fen as 元 with two decimals ("200.00 元"). */
export const yuan = (fen: unknown): string =>
  typeof fen === 'number' && Number.isFinite(fen) ? `${(fen / 100).toFixed(2)} 元` : '—';
