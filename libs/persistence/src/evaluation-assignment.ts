import { DataSource } from 'typeorm';
import { AssignEvaluationsResult } from '@qf/contracts';
import { evaluability, evaluationSchedule, sampleCallbacks } from '@qf/domain';
import { Policy } from '@qf/policy';
import { appendAudit } from './core/audit';
import { policyInEffect } from './case-versions';
import { recordNotifications, type NotificationInput } from './notifications/notifications.repository';

type Kind = 'foreman' | 'dispatcher' | 'manager';

/**
 * E-1/E-2/E-4: for the orders closed on `date` (local, the policy's time zone), per team: the foreman self-evaluates
 * every evaluable order; callbacks are shared 90 % dispatchers / 10 % managers, balanced per repairer, with a recorded
 * seed (the same seed gives the same assignment) and an explanation per order.
 *
 * Idempotent by date: one transaction under an advisory lock per date (two runs of one day never interleave), rows
 * unique by (order, evaluator kind), and an order already evaluated is skipped by E-1 — so a second run of the same
 * day (the Schedule, a retry, or POST /evaluations/assign with any seed) assigns only orders that closed since.
 * Used by the api (POST /evaluations/assign) and by the `assignEvaluations` activity of the daily workflow.
 */
export async function assignEvaluationsForDate(
  ds: DataSource,
  input: { date: string; seed?: string; actor?: { id?: string | null; name: string } },
  policy?: Policy,
): Promise<AssignEvaluationsResult> {
  const p = policy ?? (await policyInEffect(ds));
  const seed = input.seed ?? input.date;
  const tz = p.calendar.timeZone;
  return ds.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('qf-evaluation-assign:' || $1))`, [input.date]);
    const orders = await tx.query(
      `SELECT w.id, w.order_no, w.fault_key, w.repeat_report, w.source, w.repairer_id, w.team_unit_id, w.closed_at FROM work_orders w
       WHERE (w.closed_at AT TIME ZONE $2)::date = $1::date ORDER BY w.order_no`,
      [input.date, tz],
    );
    const previous = await tx.query(
      `SELECT DISTINCT ev.order_id AS "orderId", w.fault_key AS "faultId" FROM evaluations ev JOIN work_orders w ON w.id = ev.order_id
       WHERE w.fault_key = ANY($1::text[]) OR ev.order_id = ANY($2::uuid[])`,
      [orders.map((o: any) => o.fault_key).filter(Boolean), orders.map((o: any) => o.id)],
    );
    const users = async (role: string): Promise<string[]> =>
      (await tx.query(`SELECT id FROM users WHERE active AND $1 = ANY(roles) ORDER BY username`, [role])).map(
        (u: any) => u.id,
      );
    const [dispatchers, managers] = [await users('dispatcher'), await users('manager')];
    const skipped: { orderNo: string; reason: string }[] = [];
    const byTeam = new Map<string, any[]>();
    for (const o of orders) {
      const e = evaluability(
        { id: o.id, source: o.source, status: 'closed', faultId: o.fault_key, isRepeatReport: o.repeat_report },
        previous,
        p,
      );
      if (!e.evaluable) {
        skipped.push({ orderNo: o.order_no, reason: e.reason });
        continue;
      }
      byTeam.set(o.team_unit_id, [...(byTeam.get(o.team_unit_id) ?? []), o]);
    }
    const counts: Record<Kind, number> = { foreman: 0, dispatcher: 0, manager: 0 };
    for (const [teamId, list] of byTeam) {
      const foremen = (
        await tx.query(
          `SELECT u.id FROM users u JOIN employees e ON e.id = u.employee_id WHERE u.active AND 'foreman' = ANY(u.roles) AND e.unit_id = $1 ORDER BY u.username`,
          [teamId],
        )
      ).map((u: any) => u.id);
      const foreman = foremen[0] ?? (await users('foreman'))[0] ?? null;
      const callbacks = sampleCallbacks(
        list.map((o) => ({ id: o.id, repairerId: o.repairer_id })),
        { seed: `${seed}:${teamId}`, dispatchers, managers },
        p,
      );
      for (const o of list) {
        const { evaluateOn, resultsDueAt } = evaluationSchedule(new Date(o.closed_at).toISOString(), p);
        const cb = callbacks.find((c) => c.orderId === o.id)!;
        const rows: [Kind, string | null, string][] = [
          ['foreman', foreman, 'E-2: the foreman self-evaluates every closed order of the team'],
          [cb.callbackBy, cb.evaluatorId, cb.explanation],
        ];
        for (const [kind, who, why] of rows) {
          const ins = await tx.query(
            `INSERT INTO evaluations (order_id, kind, evaluator_user_id, evaluate_on, due_at, seed, explanation) VALUES ($1,$2,$3,$4,$5,$6,$7)
             ON CONFLICT (order_id, kind) DO NOTHING RETURNING id`,
            [o.id, kind, who, evaluateOn, resultsDueAt, seed, why],
          );
          if (ins.length) counts[kind]++;
        }
      }
    }
    const result = {
      date: input.date,
      seed,
      orders: orders.length,
      evaluated: orders.length - skipped.length,
      assigned: counts,
      skipped,
      skippedTotal: skipped.length,
    };
    await appendAudit(tx, {
      actor: input.actor ?? { name: 'schedule' },
      action: 'evaluations.assigned',
      entity: 'evaluation-day',
      entityId: input.date,
      details: { ...result, skipped: skipped.slice(0, 50) },
    });
    return result;
  });
}

const KIND_LABEL: Record<Kind, string> = { foreman: '工长自评', dispatcher: '调度回访', manager: '经理回访' };

/**
 * E-4: one notification to the evaluator of each still unanswered evaluation of the evaluation day `evaluateOn` —
 * 'reminder' (due today) or 'overdue' (the day is over) — in one set-based statement, idempotent by
 * `evaluation:<id>:<kind>`; an evaluation without a named evaluator goes to its role. Returns how many were sent now.
 */
export async function remindUnansweredEvaluations(
  ds: DataSource,
  input: { evaluateOn: string; kind: 'reminder' | 'overdue'; workflowId: string },
): Promise<number> {
  const tz = (await policyInEffect(ds)).calendar.timeZone;
  return ds.transaction(async (tx) => {
    const due: NotificationInput[] = await tx.query(
      `SELECT 'evaluation:' || ev.id || ':' || $2::text AS key, $2::text AS kind, ev.kind AS role, ev.evaluator_user_id AS "userId",
              CASE WHEN $2::text = 'overdue' THEN '回访评价已超期：' ELSE '回访评价今日到期：' END || (
                CASE ev.kind WHEN 'foreman' THEN $4::text WHEN 'dispatcher' THEN $5::text ELSE $6::text END) || ' 工单 ' || w.order_no ||
              '，应于 ' || to_char(ev.due_at AT TIME ZONE $3::text, 'YYYY-MM-DD HH24:MI') || ' 前完成并反馈班组 (E-4)' AS message
       FROM evaluations ev JOIN work_orders w ON w.id = ev.order_id
       WHERE ev.evaluate_on = $1::date AND ev.answered_at IS NULL
       ORDER BY ev.id`,
      [input.evaluateOn, input.kind, tz, KIND_LABEL.foreman, KIND_LABEL.dispatcher, KIND_LABEL.manager],
    );
    const sent = (await recordNotifications(tx, due)).map((id) => ({ id }));
    if (sent.length)
      await appendAudit(tx, {
        actor: { name: 'system' },
        action: `notify.evaluation.${input.kind}`,
        entity: 'evaluation-day',
        entityId: input.evaluateOn,
        workflowId: input.workflowId,
        details: { evaluateOn: input.evaluateOn, notifications: sent.length },
        idempotencyKey: `evaluation-notify:${input.evaluateOn}:${input.kind}:${sent[0].id}`,
      });
    return sent.length;
  });
}

/**
 * E-4 "results reach the team by the end of that day": at the end of the evaluation day each team's own lead gets the
 * day's results of the team's orders (answered of assigned, satisfied / basic / dissatisfied, average score). Once per
 * team lead and day (idempotency key); teams without a lead login get nothing (their evaluations stay on the board).
 */
export async function reportEvaluationResults(
  ds: DataSource,
  input: { evaluateOn: string; workflowId: string },
): Promise<number> {
  return ds.transaction(async (tx) => {
    const results: NotificationInput[] = await tx.query(
      `WITH day AS (
         SELECT w.team_unit_id AS team, count(*)::int AS assigned, count(ev.answered_at)::int AS answered,
                count(*) FILTER (WHERE ev.choice = 'satisfied')::int AS satisfied, count(*) FILTER (WHERE ev.choice = 'basic')::int AS basic,
                count(*) FILTER (WHERE ev.choice = 'dissatisfied')::int AS dissatisfied, round(avg(ev.score), 2) AS average
         FROM evaluations ev JOIN work_orders w ON w.id = ev.order_id WHERE ev.evaluate_on = $1::date GROUP BY w.team_unit_id
       )
       SELECT 'evaluation-results:' || $1::text || ':' || d.team || ':' || u.id AS key, 'evaluation-results' AS kind,
              'team-lead' AS role, u.id AS "userId",
              o.name || ' ' || $1::text || ' 回访评价结果：已评 ' || d.answered || '/' || d.assigned || '，满意 ' || d.satisfied || '，基本满意 ' || d.basic ||
              '，不满意 ' || d.dissatisfied || COALESCE('，平均 ' || d.average || ' 分', '') || ' (E-4)' AS message
       FROM day d JOIN org_units o ON o.id = d.team JOIN employees e ON e.unit_id = d.team JOIN users u ON u.employee_id = e.id
       WHERE u.active AND 'team-lead' = ANY(u.roles)
       ORDER BY d.team, u.id`,
      [input.evaluateOn],
    );
    const sent = (await recordNotifications(tx, results)).map((id) => ({ id }));
    if (sent.length)
      await appendAudit(tx, {
        actor: { name: 'system' },
        action: 'notify.evaluation.results',
        entity: 'evaluation-day',
        entityId: input.evaluateOn,
        workflowId: input.workflowId,
        details: { evaluateOn: input.evaluateOn, notifications: sent.length },
        idempotencyKey: `evaluation-results:${input.evaluateOn}:${sent[0].id}`,
      });
    return sent.length;
  });
}
