import { DataSource } from 'typeorm';
import { SettlementActivities } from '@qf/contracts';
import { PolicySchema } from '@qf/policy';
import { CaseCounts, seriousCaseGrade, settleEmployeeMonth } from '@qf/domain';

const CHUNK = 5000;
const zero = (): CaseCounts => ({ egregious: 0, serious: 0, ordinary: 0 });

/**
 * H-1 set-based: one aggregate query gathers every employee's points, source cases and case counts by severity
 * for the month and the year before it; the grade and money rules (libs/domain) run per row in memory; results
 * are written in bulk (unnest), replacing any earlier computation of the same (unlocked) settlement.
 */
export function createSettlementActivities(ds: DataSource): SettlementActivities {
  return {
    async computeSettlement({ settlementId, month, policy: raw }) {
      const policy = PolicySchema.parse(raw ?? {});
      const t0 = Date.now();
      const yearStart = `${month.slice(0, 4)}-01`;
      const rows: {
        employee_id: string;
        employment_type: string;
        post_bonus_fen: number;
        branch_id: string | null;
        points: number;
        cases: string[] | null;
        bonus_fen: string;
        star_pay_fen: string;
        sev: { m: string; s: string; n: number }[] | null;
      }[] = await ds.query(
        `WITH RECURSIVE up AS (
           SELECT id AS unit_id, id, parent_id, kind FROM org_units
           UNION ALL SELECT up.unit_id, o.id, o.parent_id, o.kind FROM up JOIN org_units o ON o.id = up.parent_id WHERE up.kind <> 'branch'
         ), branch AS (SELECT unit_id, id AS branch_id FROM up WHERE kind = 'branch'),
         month_points AS (
           SELECT employee_id, sum(points_x10)::int AS points, array_agg(DISTINCT case_id) FILTER (WHERE case_id IS NOT NULL) AS cases,
                  -- S-9 award bonuses and S-10 star pay are money entries (no points) paid through the settlement
                  COALESCE(sum(money_fen) FILTER (WHERE source = 'star-award'), 0)::bigint AS bonus_fen,
                  COALESCE(sum(money_fen) FILTER (WHERE source = 'star-pay'), 0)::bigint AS star_pay_fen
           FROM ledger_entries WHERE month = $1 GROUP BY employee_id
         ), sev AS (
           SELECT employee_id, month AS m, severity AS s, count(*)::int AS n FROM ledger_entries
           -- one 'ruling' entry per (case, employee) by the ledger's unique key, so rows count cases
           WHERE month BETWEEN $2 AND $1 AND reason = 'ruling' AND severity IS NOT NULL AND employee_id IN (SELECT employee_id FROM month_points)
           GROUP BY employee_id, month, severity
         ), sev_by_employee AS (
           SELECT employee_id, jsonb_agg(jsonb_build_object('m', m, 's', s, 'n', n)) AS sev FROM sev GROUP BY employee_id
         )
         SELECT mp.employee_id, e.employment_type, e.post_bonus_fen, b.branch_id, mp.points, mp.cases, mp.bonus_fen, mp.star_pay_fen, se.sev
         FROM month_points mp JOIN employees e ON e.id = mp.employee_id LEFT JOIN branch b ON b.unit_id = e.unit_id
         LEFT JOIN sev_by_employee se ON se.employee_id = mp.employee_id`,
        [month, yearStart],
      );
      const tGather = Date.now();
      const out = rows.map((r) => {
        const monthCounts = zero();
        const before = zero();
        const seriousByMonth = new Map<string, number>();
        for (const x of r.sev ?? []) {
          const key = x.s as keyof CaseCounts;
          if (!(key in monthCounts)) continue;
          if (x.m === month) monthCounts[key] += x.n;
          else {
            before[key] += x.n;
            if (key === 'serious') seriousByMonth.set(x.m, (seriousByMonth.get(x.m) ?? 0) + x.n);
          }
        }
        const s = settleEmployeeMonth(
          {
            employeeId: r.employee_id,
            month,
            postBonusFen: r.post_bonus_fen,
            deductions: [{ source: 'ledger', pointsX10: r.points }],
            fines: [],
            bonuses: Number(r.bonus_fen) ? [{ source: 'star-award', amountFen: Number(r.bonus_fen) }] : [],
            starPay: Number(r.star_pay_fen) ? { baseFen: Number(r.star_pay_fen), percent: 100 } : null,
            grade: {
              employmentType: r.employment_type as 'staff',
              month: monthCounts,
              yearBefore: before,
              seriousGradedMonths: [...seriousByMonth]
                .filter(([, n]) => seriousCaseGrade(n, policy) !== null)
                .map(([m]) => m),
            },
          },
          policy,
        );
        return { ...s, branchId: r.branch_id, sourceCases: r.cases ?? [] };
      });
      const tRules = Date.now();
      await ds.transaction(async (tx) => {
        await tx.query(`DELETE FROM settlement_rows WHERE settlement_id = $1`, [settlementId]);
        for (let i = 0; i < out.length; i += CHUNK) {
          const part = out.slice(i, i + CHUNK);
          await tx.query(
            `INSERT INTO settlement_rows (settlement_id, employee_id, branch_id, points_x10, money_fen, grade, suspension, exit, training, source_cases, reasons, bonus_fen, star_pay_fen)
             SELECT $1, e, b, p, m, g, su, ex, tr, COALESCE(string_to_array(NULLIF(sc, ''), ',')::uuid[], '{}'), r, bo, sp
             FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::bigint[], $6::text[], $7::bool[], $8::bool[], $9::bool[], $10::text[], $11::jsonb[], $12::bigint[], $13::bigint[])
               AS x(e, b, p, m, g, su, ex, tr, sc, r, bo, sp)`,
            [
              settlementId,
              part.map((x) => x.employeeId),
              part.map((x) => x.branchId),
              part.map((x) => x.pointsX10),
              part.map((x) => x.deductionFen),
              part.map((x) => x.grade),
              part.map((x) => x.flags.suspension),
              part.map((x) => x.flags.exit),
              part.map((x) => x.flags.training),
              part.map((x) => x.sourceCases.join(',')),
              part.map((x) => JSON.stringify(x.reasons)),
              part.map((x) => x.bonusesFen),
              part.map((x) => x.starPayFen),
            ],
          );
        }
        const totals = {
          employees: out.length,
          pointsX10: out.reduce((a, x) => a + x.pointsX10, 0),
          moneyFen: out.reduce((a, x) => a + x.deductionFen, 0),
          branches: new Set(out.map((x) => x.branchId)).size,
          p4: out.filter((x) => x.grade === 'P4').length,
          p5: out.filter((x) => x.grade === 'P5').length,
        };
        await tx.query(`UPDATE settlements SET totals = $2, computed_at = now(), status = 'confirming' WHERE id = $1`, [
          settlementId,
          JSON.stringify(totals),
        ]);
      });
      if (process.env.QF_SETTLEMENT_TIMINGS)
        console.log(
          `settlement ${month}: gather ${tGather - t0} ms, rules ${tRules - tGather} ms, write ${Date.now() - tRules} ms`,
        );
      const t = {
        employees: out.length,
        pointsX10: out.reduce((a, x) => a + x.pointsX10, 0),
        moneyFen: out.reduce((a, x) => a + x.deductionFen, 0),
        branches: new Set(out.map((x) => x.branchId)).size,
      };
      return t;
    },

    async setSettlementStatus({ settlementId, status }) {
      await ds.query(`UPDATE settlements SET status = $2 WHERE id = $1 AND status <> 'locked'`, [settlementId, status]);
    },

    async lockMonth({ settlementId, month, workflowId }) {
      await ds.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO month_locks (month, settlement_id) VALUES ($1, $2) ON CONFLICT (month) DO NOTHING`,
          [month, settlementId],
        );
        await tx.query(
          `UPDATE settlements SET status = 'locked', locked_at = COALESCE(locked_at, now()) WHERE id = $1`,
          [settlementId],
        );
        await tx.query(
          `INSERT INTO audit_log (actor, action, entity, entity_id, workflow_id, after, idempotency_key)
           VALUES ('system', 'settlement.locked', 'settlement', $1, $2, $3, $4) ON CONFLICT (idempotency_key) DO NOTHING`,
          [settlementId, workflowId, JSON.stringify({ month }), `lock:${month}`],
        );
      });
    },
  };
}
