import type { IndicatorScore, IndicatorValue, ScorecardMonthResult, ScorecardSubject } from '@qf/domain';
import type { Scorecard } from '@qf/policy';
import type { Queryable } from '../core/queryable';

/** The half-open range of a calendar month in a time zone, as SQL over `$1` (month) and `$2` (time zone). */
const IN_MONTH = (col: string) =>
  `${col} >= (($1 || '-01')::timestamp AT TIME ZONE $2) AND ${col} < ((($1 || '-01')::date + interval '1 month')::timestamp AT TIME ZONE $2)`;

/** K-9: the units (and, for person cards, their employees) each scorecard applies to. */
export async function scorecardSubjects(
  q: Queryable,
  cards: readonly Scorecard[],
): Promise<Record<string, ScorecardSubject[]>> {
  const out: Record<string, ScorecardSubject[]> = {};
  for (const c of cards) {
    const units: { id: string }[] = await q.query(
      `SELECT id FROM org_units WHERE kind = ANY($1::text[]) OR code = ANY($2::text[]) ORDER BY code`,
      [c.unitKinds, c.unitCodes],
    );
    if (c.level === 'unit') out[c.key] = units.map((u) => ({ id: u.id, scope: 'unit', unitId: u.id }));
    else {
      const people: { id: string; unit_id: string }[] = await q.query(
        `SELECT id, unit_id FROM employees WHERE unit_id = ANY($1::uuid[]) ORDER BY code`,
        [units.map((u) => u.id)],
      );
      out[c.key] = people.map((p) => ({ id: p.id, scope: 'person', unitId: p.unit_id }));
    }
  }
  return out;
}

type Figures = Record<string, Record<string, IndicatorValue>>;
const put = (f: Figures, figure: string, id: string | null, v: IndicatorValue) => {
  if (!id) return;
  (f[figure] ??= {})[id] = v;
};
const rate = (ok: number, n: number) => Math.round((ok * 100 * 10_000) / n) / 10_000;

/**
 * K-9 figures of a month, by name (the indicators' computations): service orders (on-time completion, 30-minute
 * response, late orders, re-dispatches; per unit and per handler), approved false-work-order fines, callbacks on
 * closed repair orders (callback rate per team and repairer), satisfaction figures, and the imported values.
 * Also the late orders of each unit per handler (K-5 fines).
 */
export async function scorecardFigures(
  q: Queryable,
  month: string,
  timeZone: string,
  respondMinutes: number,
): Promise<{ figures: Figures; lateByUnit: Record<string, Record<string, number>> }> {
  const figures: Figures = {};
  const lateByUnit: Record<string, Record<string, number>> = {};
  // closed in the month: on time when closed by the completion deadline
  const closed: { unit_id: string; handler_id: string | null; n: number; ok: number }[] = await q.query(
    `SELECT unit_id, handler_id, count(*)::int AS n, count(*) FILTER (WHERE closed_at <= complete_due_at)::int AS ok
     FROM service_orders WHERE ${IN_MONTH('closed_at')} GROUP BY unit_id, handler_id`,
    [month, timeZone],
  );
  const sum = (key: (r: (typeof closed)[number]) => string | null) => {
    const m = new Map<string, { n: number; ok: number }>();
    for (const r of closed) {
      const k = key(r);
      if (!k) continue;
      const a = m.get(k) ?? { n: 0, ok: 0 };
      a.n += r.n;
      a.ok += r.ok;
      m.set(k, a);
    }
    return m;
  };
  for (const [id, a] of [...sum((r) => r.unit_id), ...sum((r) => r.handler_id)]) {
    put(figures, 'on-time-rate', id, rate(a.ok, a.n));
    put(figures, 'late-orders', id, a.n - a.ok);
  }
  for (const r of closed) if (r.handler_id && r.n > r.ok) (lateByUnit[r.unit_id] ??= {})[r.handler_id] = r.n - r.ok;
  // accepted in the month: responded within the response window; re-dispatches
  const accepted: { unit_id: string; handler_id: string | null; n: number; ok: number; re: number }[] = await q.query(
    `SELECT unit_id, handler_id, count(*)::int AS n,
            count(*) FILTER (WHERE responded_at <= accepted_at + make_interval(mins => $3))::int AS ok,
            sum(redispatch_count)::int AS re
     FROM service_orders WHERE ${IN_MONTH('accepted_at')} GROUP BY unit_id, handler_id`,
    [month, timeZone, respondMinutes],
  );
  const acc = new Map<string, { n: number; ok: number; re: number }>();
  for (const r of accepted)
    for (const k of [r.unit_id, r.handler_id]) {
      if (!k) continue;
      const a = acc.get(k) ?? { n: 0, ok: 0, re: 0 };
      a.n += r.n;
      a.ok += r.ok;
      a.re += r.re;
      acc.set(k, a);
    }
  for (const [id, a] of acc) {
    put(figures, 'response-30min-rate', id, rate(a.ok, a.n));
    put(figures, 'redispatches', id, a.re);
  }
  // K-8 false work orders (approved fines of the month), per unit and person
  for (const r of await q.query(
    `SELECT unit_id, employee_id, count(*)::int AS n FROM service_fines
     WHERE kind = 'false-work-order' AND status = 'approved' AND month = $1 GROUP BY unit_id, employee_id`,
    [month],
  )) {
    if (r.unit_id)
      put(figures, 'false-work-orders', r.unit_id, ((figures['false-work-orders']?.[r.unit_id] as number) ?? 0) + r.n);
    put(figures, 'false-work-orders', r.employee_id, r.n);
  }
  // callbacks: closed repair orders of the month with an answered dispatcher or manager callback
  for (const r of await q.query(
    `WITH o AS (
       SELECT w.team_unit_id, w.repairer_id,
              EXISTS (SELECT 1 FROM evaluations e WHERE e.order_id = w.id AND e.kind IN ('dispatcher','manager') AND e.score IS NOT NULL) AS answered
       FROM work_orders w WHERE ${IN_MONTH('w.closed_at')}
     )
     SELECT team_unit_id AS id, count(*)::int AS n, count(*) FILTER (WHERE answered)::int AS ok FROM o GROUP BY team_unit_id
     UNION ALL
     SELECT repairer_id, count(*)::int, count(*) FILTER (WHERE answered)::int FROM o GROUP BY repairer_id`,
    [month, timeZone],
  ))
    put(figures, 'callback-rate', r.id, rate(r.ok, r.n));
  // satisfaction: the month's figure of the unit or person (the channel with the larger sample)
  for (const r of await q.query(
    `SELECT DISTINCT ON (subject_id) subject_id, score FROM satisfaction_scores WHERE month = $1
     ORDER BY subject_id, sample DESC, channel`,
    [month],
  ))
    put(figures, 'satisfaction', r.subject_id, Number(r.score));
  // imported values; device failures are one count per device (K-7)
  const devices: Record<string, number[]> = {};
  for (const r of await q.query(
    `SELECT figure, subject_id, device, value FROM kpi_values WHERE month = $1 ORDER BY figure, subject_id, device`,
    [month],
  )) {
    if (r.figure === 'device-failures') (devices[r.subject_id] ??= []).push(Number(r.value));
    else put(figures, r.figure, r.subject_id, Number(r.value));
  }
  for (const [id, list] of Object.entries(devices)) put(figures, 'device-failures', id, list);
  return { figures, lateByUnit };
}

/** K-5: who answers for each unit — its team lead (login role), else its head by login role, first by 工号. */
export async function unitSupervisors(
  q: Queryable,
  unitIds: readonly string[],
): Promise<Record<string, string | null>> {
  const rows = await q.query(
    `SELECT o.id,
            (SELECT e.id FROM employees e JOIN users u ON u.employee_id = e.id
             WHERE e.unit_id = o.id AND u.active AND u.roles && ARRAY['team-lead','branch-head']::text[]
             ORDER BY ('team-lead' = ANY(u.roles)) DESC, e.code LIMIT 1) AS lead
     FROM org_units o WHERE o.id = ANY($1::uuid[])`,
    [unitIds],
  );
  return Object.fromEntries(rows.map((r: { id: string; lead: string | null }) => [r.id, r.lead]));
}

/** The month's results and fines, replacing an earlier computation of the month (a review's return recomputes). */
export async function saveScorecardResults(q: Queryable, month: string, r: ScorecardMonthResult): Promise<void> {
  await q.query(`DELETE FROM scorecard_results WHERE month = $1`, [month]);
  await q.query(`DELETE FROM scorecard_fines WHERE month = $1`, [month]);
  const CHUNK = 5000;
  for (let i = 0; i < r.results.length; i += CHUNK) {
    const part = r.results.slice(i, i + CHUNK);
    await q.query(
      `INSERT INTO scorecard_results (month, card, scope, subject_id, unit_id, total, rank, ranked, indicators)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::numeric[], $7::int[], $8::int[], $9::jsonb[])`,
      [
        month,
        part.map((x) => x.card),
        part.map((x) => x.scope),
        part.map((x) => x.subjectId),
        part.map((x) => x.unitId),
        part.map((x) => x.total),
        part.map((x) => x.rank),
        part.map((x) => x.ranked),
        part.map((x) => JSON.stringify(x.indicators)),
      ],
    );
  }
  if (r.fines.length)
    await q.query(
      `INSERT INTO scorecard_fines (month, employee_id, reason, unit_id, amount_fen, why)
       SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::bigint[], $6::jsonb[])`,
      [
        month,
        r.fines.map((f) => f.employeeId),
        r.fines.map((f) => f.reason),
        r.fines.map((f) => f.unitId),
        r.fines.map((f) => f.amountFen),
        r.fines.map((f) => JSON.stringify(f.why)),
      ],
    );
}

export async function setScorecardMonth(
  q: Queryable,
  month: string,
  patch: {
    status?: string;
    summary?: unknown;
    round?: number;
    caseId?: string;
    policyVersion?: number;
    posted?: boolean;
    computed?: boolean;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO scorecard_months (month, case_id, status, summary, round, policy_version, computed_at, posted_at)
     VALUES ($1, $2, COALESCE($3, 'computing'), $4, COALESCE($5, 0), $6, CASE WHEN $7 THEN now() END, CASE WHEN $8 THEN now() END)
     ON CONFLICT (month) DO UPDATE SET
       case_id = COALESCE(scorecard_months.case_id, EXCLUDED.case_id),
       status = COALESCE($3, scorecard_months.status),
       summary = COALESCE($4, scorecard_months.summary),
       round = COALESCE($5, scorecard_months.round),
       policy_version = COALESCE(scorecard_months.policy_version, $6),
       computed_at = CASE WHEN $7 THEN now() ELSE scorecard_months.computed_at END,
       posted_at = CASE WHEN $8 THEN now() ELSE scorecard_months.posted_at END`,
    [
      month,
      patch.caseId ?? null,
      patch.status ?? null,
      patch.summary === undefined ? null : JSON.stringify(patch.summary),
      patch.round ?? null,
      patch.policyVersion ?? null,
      !!patch.computed,
      !!patch.posted,
    ],
  );
}

/** What posting books: the month's K-5 fines, one ledger line per (employee, reason) — money only, no points. */
export async function scorecardPostingLines(
  q: Queryable,
  month: string,
): Promise<{ employeeId: string; reason: string; pointsX10: number; moneyFen: number }[]> {
  const rows = await q.query(
    `SELECT employee_id, reason, sum(amount_fen)::bigint AS fen FROM scorecard_fines WHERE month = $1
     GROUP BY employee_id, reason ORDER BY employee_id, reason`,
    [month],
  );
  return rows.map((r: { employee_id: string; reason: string; fen: string }) => ({
    employeeId: r.employee_id,
    reason: r.reason,
    pointsX10: 0,
    moneyFen: Number(r.fen),
  }));
}

/** K-9: imported values (upsert by month, figure, subject, device: a corrected file replaces them). */
export async function upsertKpiValues(
  q: Queryable,
  rows: { month: string; figure: string; scope: 'unit' | 'person'; subjectId: string; device: string; value: number }[],
  userId: string,
): Promise<number> {
  if (!rows.length) return 0;
  const r = await q.query(
    `INSERT INTO kpi_values (month, figure, scope, subject_id, device, value, imported_by)
     SELECT m, f, s, id, d, v, $7 FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::numeric[]) AS x(m, f, s, id, d, v)
     ON CONFLICT (month, figure, scope, subject_id, device) DO UPDATE
       SET value = EXCLUDED.value, imported_by = EXCLUDED.imported_by, updated_at = now()
     RETURNING 1`,
    [
      rows.map((x) => x.month),
      rows.map((x) => x.figure),
      rows.map((x) => x.scope),
      rows.map((x) => x.subjectId),
      rows.map((x) => x.device),
      rows.map((x) => x.value),
      userId,
    ],
  );
  return r.length;
}

/** Months whose scorecards are posted (their imported values are final). */
export async function postedScorecardMonths(q: Queryable, months: readonly string[]): Promise<string[]> {
  const rows = await q.query(`SELECT month FROM scorecard_months WHERE month = ANY($1::text[]) AND status = 'posted'`, [
    months,
  ]);
  return rows.map((r: { month: string }) => r.month);
}

/** P-6 feed: a month's unit-scope scorecard results (card, unit and each indicator's score). */
export async function scorecardUnitResults(
  q: Queryable,
  month: string,
): Promise<{ card: string; scope: 'unit'; unitId: string; indicators: IndicatorScore[] }[]> {
  return q.query(
    `SELECT card, scope, unit_id AS "unitId", indicators FROM scorecard_results
     WHERE month = $1 AND scope = 'unit' ORDER BY card, unit_id`,
    [month],
  );
}
