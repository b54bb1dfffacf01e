import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { eventually, startTestStack, TestStack } from '../support/stack';

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Issue 12: every write is audited. The write operations (POST / PUT / PATCH / DELETE) come from the OpenAPI document
 * the api serves; each one is either in STEPS below (a minimal valid request, run here, and the audit rows it must
 * write) or EXEMPT (not a write to business data, with the reason), or PENDING (an owner's endpoint not stable yet,
 * with the owner's issue). An operation of the document listed nowhere fails the first test.
 *
 * The contract: a successful write appends at least one audit row naming the actor (actor_id = the caller's user id,
 * actor = the login name), and exactly one row per entity it changes — e.g. a dissatisfied callback writes two (the
 * evaluation and the rectification it opens), a P-7 incident two (the incident and its interview case). A bulk write
 * (a file import, a day's sampling) changes one batch: one row naming the batch (the file or the day), its records
 * counted in the details. Rows the processes write later under their own name ('system', a schedule) are not the
 * caller's and are not counted.
 *
 * It writes one of everything (publishes a flow and a policy version): it runs alone with the OpenAPI check, after the
 * rest of the e2e layer (infra/scripts/test.sh).
 */

/** Not writes to business data: sessions. (They are audited all the same, as auth.*; login.e2e-spec checks those.) */
const EXEMPT: Record<string, string> = {
  'POST /api/auth/login': 'a session, not business data (audited as auth.login / auth.login-failed)',
  'POST /api/auth/logout': 'a session, not business data (audited as auth.logout)',
  'POST /api/auth/refresh': 'a session, not business data',
  'POST /api/notifications/read':
    "marks the caller's own notifications read: their view of the bell, not business data",
};

/** Endpoints being built this session whose owners have not settled them yet: `METHOD /path` → the owner's issue. */
const PENDING: Record<string, string> = {};

interface Ctx {
  s: TestStack;
  /** values earlier steps produced (ids), by name */
  v: Record<string, any>;
}
interface Step {
  op: string;
  user: string;
  /** makes the request (earlier steps' values in ctx.v); preparation that is not the operation itself goes in `before` */
  call: (c: Ctx) => Promise<Response>;
  before?: (c: Ctx) => Promise<void>;
  /** audit rows expected from the caller: one per entity the operation changes */
  rows: number | ((res: Response, c: Ctx) => number);
  /** success statuses (default 200/201/204) */
  ok?: number[];
  /** for answers that report partial success: the write did happen */
  done?: (res: Response) => boolean;
}

const MONTH = '2024-09'; // a month no other spec of this run uses (openapi uses 2025-03)
const YEAR = 2033;

const STEPS: Step[] = [];

describe('audit: every write operation of the OpenAPI document writes audit rows naming the actor', () => {
  let s: TestStack;
  let doc: any;
  const v: Record<string, any> = {};
  const auth = async (u: string) => ({ Authorization: `Bearer ${await s.login(u)}` });
  const send = async (user: string, method: 'post' | 'put' | 'delete', url: string, body?: object) =>
    s.http[method](url)
      .set(await auth(user))
      .send(body ?? {});
  const upload = async (user: string, url: string, name: string, text: string) =>
    s.http
      .post(url)
      .set(await auth(user))
      .attach('file', Buffer.from(text, 'utf8'), name);
  const taskOf = (caseId: string, stage?: string) =>
    eventually(
      async () =>
        (
          await s.ds.query(
            `SELECT t.id, t.stage, t.assignee_role, u.username FROM tasks t LEFT JOIN users u ON u.id = t.assignee_user_id
             WHERE t.case_id = $1 AND t.status = 'open' AND ($2::text IS NULL OR t.stage = $2) ORDER BY t.created_at LIMIT 1`,
            [caseId, stage ?? null],
          )
        )[0],
      30000,
    );
  const code = () => `AU${randomUUID().slice(0, 6)}`;
  /** a hotline agent of long standing (S-2), as HR enters one */
  const hotlineAgent = async (name: string) =>
    (
      await send('hr1', 'post', '/api/employees', {
        code: code(),
        name,
        unitId: v.hotline,
        post: '热线客服',
        postBonusFen: 300000,
        hireDate: '2015-01-01',
        jobType: '热线客服',
        employmentType: 'staff',
      })
    ).body;
  const campaignBody = (year: number) => ({
    year,
    starts: { application: `${year}-03-01`, exam: `${year}-05-01`, committee: `${year}-08-01`, award: `${year}-10-01` },
    ceremonyDate: `${year}-10-20`,
    awardsFinishBy: `${year}-10-31`,
  });

  STEPS.push(
    // --- organisation and logins
    {
      op: 'POST /api/org-units',
      user: 'admin',
      call: () =>
        send('admin', 'post', '/api/org-units', {
          code: `au-${code()}`,
          name: '审计检查班',
          kind: 'team',
          parentId: v.hall,
        }),
      rows: 1,
    },
    {
      op: 'PUT /api/org-units/{id}',
      user: 'admin',
      call: async () => {
        const unit = (await s.http.get(`/api/org-units?range=[0,999]`).set(await auth('admin'))).body.find(
          (u: any) => u.name === '审计检查班',
        );
        v.unit = unit.id;
        return send('admin', 'put', `/api/org-units/${unit.id}`, { ...unit, name: '审计检查班（改）' });
      },
      rows: 1,
    },
    {
      op: 'POST /api/employees',
      user: 'hr1',
      call: async () => {
        const r = await send('hr1', 'post', '/api/employees', {
          code: code(),
          name: '审计检查',
          unitId: v.hotline,
          post: '热线客服',
          postBonusFen: 300000,
          hireDate: '2015-01-01',
          jobType: '热线客服',
          employmentType: 'staff',
        });
        v.employee = r.body;
        return r;
      },
      rows: 1,
    },
    {
      op: 'PUT /api/employees/{id}',
      user: 'hr1',
      call: () => send('hr1', 'put', `/api/employees/${v.employee.id}`, { ...v.employee, post: '热线客服（改）' }),
      rows: 1,
    },
    {
      op: 'POST /api/employees/import',
      user: 'hr1',
      call: () =>
        upload(
          'hr1',
          '/api/employees/import',
          'staff.csv',
          [
            'code,name,unitCode,post,postBonusFen,hireDate,jobType,employmentType,supervisorCode,vpCode',
            `${code()},审计导入甲,a-team1,装维员,300000,2024-01-01,装维,staff,,`,
            `${code()},审计导入乙,a-team1,装维员,300000,2024-01-01,装维,staff,,`,
          ].join('\n'),
        ),
      rows: 1, // the batch
    },
    {
      op: 'POST /api/users',
      user: 'admin',
      call: async () => {
        const r = await send('admin', 'post', '/api/users', {
          username: `au-${randomUUID().slice(0, 6)}`,
          displayName: '审计检查',
          roles: ['employee'],
          employeeId: v.employee.id,
          password: 'long-enough-password',
        });
        v.user = r.body;
        return r;
      },
      rows: 1,
    },
    {
      op: 'PUT /api/users/{id}',
      user: 'admin',
      call: () => send('admin', 'put', `/api/users/${v.user.id}`, { ...v.user, displayName: '审计检查（改）' }),
      rows: 1,
    },
    // --- versions
    {
      op: 'POST /api/flows',
      user: 'admin',
      call: async () => {
        const [{ n }] = await s.ds.query(`SELECT max(version)::int AS n FROM flow_versions WHERE kind = 'review'`);
        const flow = (await s.http.get(`/api/flows/review-v${n}`).set(await auth('admin'))).body;
        v.stages = flow.stages;
        const r = await send('admin', 'post', '/api/flows', { kind: 'review', stages: flow.stages, label: '审计检查' });
        v.flowDraft = r.body.id;
        return r;
      },
      rows: 1,
    },
    {
      op: 'PUT /api/flows/{id}',
      user: 'admin',
      call: () => send('admin', 'put', `/api/flows/${v.flowDraft}`, { stages: v.stages, description: '审计检查' }),
      rows: 1,
    },
    {
      op: 'POST /api/flows/{id}/publish',
      user: 'admin',
      call: () => send('admin', 'post', `/api/flows/${v.flowDraft}/publish`),
      rows: 1,
    },
    {
      op: 'DELETE /api/flows/{id}',
      user: 'admin',
      before: async () => {
        v.flowDraft2 = (await send('admin', 'post', '/api/flows', { kind: 'review', stages: v.stages })).body.id;
      },
      call: () => send('admin', 'delete', `/api/flows/${v.flowDraft2}`),
      rows: 1,
    },
    {
      op: 'POST /api/policies',
      user: 'admin',
      call: async () => {
        v.policy = (await s.http.get('/api/policies/current').set(await auth('admin'))).body;
        const r = await send('admin', 'post', '/api/policies', { body: v.policy.body, label: '审计检查' });
        v.policyDraft = r.body.id;
        return r;
      },
      rows: 1,
    },
    {
      op: 'PUT /api/policies/{id}',
      user: 'admin',
      // effective far ahead: publishing it changes nothing today
      call: () =>
        send('admin', 'put', `/api/policies/${v.policyDraft}`, { body: v.policy.body, effectiveFrom: '2099-01-01' }),
      rows: 1,
    },
    {
      op: 'POST /api/policies/{id}/publish',
      user: 'admin',
      call: () => send('admin', 'post', `/api/policies/${v.policyDraft}/publish`),
      rows: 1,
    },
    {
      op: 'DELETE /api/policies/{id}',
      user: 'admin',
      before: async () => {
        v.policyDraft2 = (await send('admin', 'post', '/api/policies', { body: v.policy.body })).body.id;
      },
      call: () => send('admin', 'delete', `/api/policies/${v.policyDraft2}`),
      rows: 1,
    },
    // --- cases and tasks
    {
      op: 'POST /api/cases',
      user: 'admin',
      call: async () => {
        const r = await send('admin', 'post', '/api/cases', { title: `审计检查 ${code()}` });
        v.reviewCase = r.body.id;
        return r;
      },
      rows: 1,
    },
    {
      op: 'POST /api/tasks/{id}/actions',
      user: 'leader1',
      before: async () => {
        v.task = await taskOf(v.reviewCase);
      },
      call: () =>
        send('leader1', 'post', `/api/tasks/${v.task.id}/actions`, { action: 'comment', comment: '审计检查' }),
      rows: 1,
    },
    {
      op: 'POST /api/tasks/batch',
      user: 'leader1',
      before: async () => {
        v.batch = [];
        for (const n of [1, 2]) {
          const c = await send('admin', 'post', '/api/cases', { title: `审计检查批量 ${n} ${code()}` });
          v.batch.push((await taskOf(c.body.id)).id);
        }
      },
      // 批量同意: each task approved as a single approve, each audited
      call: () => send('leader1', 'post', '/api/tasks/batch', { taskIds: v.batch, comment: '审计检查' }),
      done: (res) => res.body.done.length === 2,
      rows: 2,
    },
    {
      op: 'POST /api/complaints',
      user: 'admin',
      call: () =>
        send('admin', 'post', '/api/complaints', {
          source: 'hotline-work-order',
          workOrderNo: `AU-${randomUUID().slice(0, 8)}`,
          customer: '李先生',
          channel: '10000',
          occurredAt: `${MONTH}-02T08:00:00+08:00`,
          description: '装机人员未按约定时间上门',
          unitId: v.hall,
          employeeIds: [v.employee.id],
        }),
      rows: 1,
    },
    // --- evaluation (E-1…E-7) and rectifications
    {
      op: 'POST /api/work-orders',
      user: 'dispatcher1',
      call: async () => {
        const r = await send('dispatcher1', 'post', '/api/work-orders', {
          orderNo: `AU-${randomUUID().slice(0, 8)}`,
          repairerId: v.repairer,
          teamUnitId: v.team,
          reporter: '王女士',
          closedAt: `${MONTH}-10T03:00:00Z`,
        });
        return r;
      },
      rows: 1,
    },
    {
      op: 'POST /api/work-orders/import',
      user: 'dispatcher1',
      call: () =>
        upload(
          'dispatcher1',
          '/api/work-orders/import',
          'orders.csv',
          [
            'orderNo,faultKey,repeatReport,source,repairerCode,teamCode,reporter,reportedAt,closedAt',
            `AU-${randomUUID().slice(0, 8)},,,hotline,${v.repairerCode},a-team1,客户,,${MONTH}-10T04:00:00Z`,
          ].join('\n'),
        ),
      rows: 1,
    },
    {
      op: 'POST /api/evaluations/assign',
      user: 'manager1',
      call: () => send('manager1', 'post', '/api/evaluations/assign', { date: `${MONTH}-10`, seed: 'audit' }),
      rows: 1, // the day's batch
    },
    {
      op: 'POST /api/evaluations/{id}/answer',
      user: 'evaluator',
      before: async () => {
        v.evaluations = await s.ds.query(
          `SELECT ev.id, u.username FROM evaluations ev JOIN work_orders w ON w.id = ev.order_id
           JOIN users u ON u.id = ev.evaluator_user_id WHERE w.order_no LIKE 'AU-%' AND ev.kind <> 'foreman'
           ORDER BY ev.id`,
        );
        v.evaluator = v.evaluations[0].username;
      },
      // dissatisfied: the evaluation and the rectification it opens (E-7)
      call: () =>
        send(v.evaluator, 'post', `/api/evaluations/${v.evaluations[0].id}/answer`, { choice: 'dissatisfied' }),
      rows: 2,
    },
    {
      op: 'POST /api/scores/{month}/repair-star',
      user: 'manager1',
      before: async () => {
        for (const e of v.evaluations.slice(1))
          await send(e.username, 'post', `/api/evaluations/${e.id}/answer`, { choice: 'satisfied' });
      },
      call: () => send('manager1', 'post', `/api/scores/${MONTH}/repair-star`),
      rows: 1,
    },
    {
      op: 'POST /api/rectifications',
      user: 'dispatcher1',
      call: () =>
        send('dispatcher1', 'post', '/api/rectifications', {
          origin: 'inspection',
          teamUnitId: v.team,
          description: '巡检发现光交箱未上锁',
        }),
      rows: 1,
    },
    {
      op: 'POST /api/meetings',
      user: 'manager1',
      call: async () => {
        const r = await send('manager1', 'post', '/api/meetings', {
          title: '审计检查分析会',
          scheduledAt: '2032-01-05T02:00:00Z',
        });
        v.meeting = r.body;
        return r;
      },
      rows: 1,
    },
    {
      op: 'PUT /api/meetings/{id}',
      user: 'manager1',
      call: () =>
        send('manager1', 'put', `/api/meetings/${v.meeting.id}`, {
          title: '审计检查分析会',
          scheduledAt: '2032-01-06T02:00:00Z',
        }),
      rows: 1,
    },
    // --- settlement, perception, indicators, simulations
    {
      op: 'POST /api/settlements',
      user: 'hr1',
      call: () => send('hr1', 'post', '/api/settlements', { month: MONTH }),
      rows: 1,
    },
    {
      op: 'POST /api/satisfaction-scores/import',
      user: 'quality1',
      call: () =>
        upload(
          'quality1',
          '/api/satisfaction-scores/import',
          'scores.csv',
          ['月份,渠道,层级,编码,满意度,样本数', `${MONTH},装维,个人,${v.repairerCode},90,12`].join('\n'),
        ),
      rows: 1,
    },
    {
      op: 'POST /api/indicator-results/import',
      user: 'quality1',
      call: () =>
        upload(
          'quality1',
          '/api/indicator-results/import',
          'indicators.csv',
          ['月份,单位编码,指标,结果,目标,是否达标', `${MONTH},a-team1,装机及时率,0.97,0.95,是`].join('\n'),
        ),
      rows: 1,
    },
    {
      op: 'POST /api/perception-months',
      user: 'quality1',
      call: () => send('quality1', 'post', '/api/perception-months', { month: MONTH }),
      rows: 1,
    },
    {
      op: 'POST /api/kpi-values/import',
      user: 'quality1',
      call: () =>
        upload(
          'quality1',
          '/api/kpi-values/import',
          'kpi.csv',
          ['月份,指标,层级,编码,设备,数值', `${MONTH},网络出口故障,单位,a-team1,,2`].join('\n'),
        ),
      rows: 1,
    },
    {
      op: 'POST /api/scorecard-months',
      user: 'quality1',
      call: () => send('quality1', 'post', '/api/scorecard-months', { month: MONTH }),
      rows: 1,
    },
    {
      op: 'POST /api/incidents',
      user: 'quality1',
      // the incident and its written-explanation interview (P-7)
      call: () =>
        send('quality1', 'post', '/api/incidents', {
          title: '审计检查：宽带中断',
          description: '光缆被挖断',
          occurredAt: `${MONTH}-02T10:00:00+08:00`,
          unitId: v.branch,
          departmentHeadId: v.branchhead,
        }),
      rows: 2,
    },
    {
      op: 'POST /api/simulations',
      user: 'admin',
      call: async () => {
        const r = await send('admin', 'post', '/api/simulations', {
          policyVersion: v.policy.id,
          baselineVersion: v.policy.id,
          months: [MONTH],
        });
        v.simulation = r.body.id;
        return r;
      },
      rows: 1,
    },
    {
      op: 'DELETE /api/simulations/{id}',
      user: 'admin',
      before: async () => {
        await eventually(async () => {
          const r = await s.http.get(`/api/simulations/${v.simulation}`).set(await auth('admin'));
          return r.body.status !== 'running';
        }, 60000);
      },
      call: () => send('admin', 'delete', `/api/simulations/${v.simulation}`),
      rows: 1,
    },
    // --- stars (S-1…S-12)
    {
      op: 'POST /api/star-campaigns',
      user: 'admin',
      call: async () => {
        const r = await send('admin', 'post', '/api/star-campaigns', campaignBody(YEAR));
        v.campaign = r.body.id;
        return r;
      },
      rows: 1,
    },
    {
      op: 'POST /api/employee-awards',
      user: 'hr1',
      call: () =>
        send('hr1', 'post', '/api/employee-awards', {
          employeeId: v.employee.id,
          kind: 'company-award',
          year: YEAR - 1,
        }),
      rows: 1,
    },
    {
      op: 'POST /api/star-applications',
      user: 'hotlinelead1',
      before: async () => {
        // a second candidate, whose exam score comes from the file import below
        v.employee2 = await hotlineAgent('审计考试导入');
        v.application2 = (
          await send('hotlinelead1', 'post', '/api/star-applications', {
            campaignId: v.campaign,
            level: 1,
            employeeId: v.employee2.id,
          })
        ).body.id;
      },
      call: async () => {
        const r = await send('hotlinelead1', 'post', '/api/star-applications', {
          campaignId: v.campaign,
          level: 1,
          employeeId: v.employee.id,
        });
        v.application = r.body.id;
        return r;
      },
      rows: 1,
    },
    {
      op: 'POST /api/star-applications/{id}/review',
      user: 'hotlinelead1',
      before: async () => {
        for (const id of [v.application, v.application2])
          await eventually(async () => {
            const r = await s.http.get(`/api/star-applications/${id}`).set(await auth('admin'));
            return r.body.stage === 'lead-review';
          }, 30000);
        await send('hotlinelead1', 'post', `/api/star-applications/${v.application2}/review`, { decision: 'approve' });
      },
      call: () =>
        send('hotlinelead1', 'post', `/api/star-applications/${v.application}/review`, { decision: 'approve' }),
      rows: 1,
    },
    {
      op: 'POST /api/star-campaigns/{id}/advance',
      user: 'admin',
      call: () => send('admin', 'post', `/api/star-campaigns/${v.campaign}/advance`),
      rows: 1,
    },
    {
      op: 'POST /api/star-applications/{id}/exam',
      user: 'hr1',
      call: () => send('hr1', 'post', `/api/star-applications/${v.application}/exam`, { level: 1, score: 90 }),
      rows: 1,
    },
    {
      op: 'POST /api/star-campaigns/{id}/exam-import',
      user: 'hr1',
      call: () =>
        upload(
          'hr1',
          `/api/star-campaigns/${v.campaign}/exam-import`,
          'exam.csv',
          `工号,级别,成绩\n${v.employee2.code},1,92\n`,
        ),
      done: (res) => res.body.imported === 1,
      rows: 1,
    },
    {
      op: 'POST /api/star-applications/{id}/vote',
      user: 'committee1',
      before: async () => {
        await send('admin', 'post', `/api/star-campaigns/${v.campaign}/advance`);
        await eventually(async () => {
          const r = await s.http.get(`/api/star-applications/${v.application}`).set(await auth('admin'));
          return r.body.stage === 'committee';
        }, 30000);
      },
      call: () => send('committee1', 'post', `/api/star-applications/${v.application}/vote`, { approve: true }),
      rows: 1,
    },
    {
      op: 'POST /api/star-june-exams',
      user: 'hr1',
      before: async () => {
        v.holder = (await hotlineAgent('审计星级')).id;
        await s.ds.query(`INSERT INTO star_holders (employee_id, level, since) VALUES ($1, 3, '2030-01-01')`, [
          v.holder,
        ]);
      },
      // S-12: the result is recorded, and 60 points lower the star: two records change
      call: () =>
        send('hr1', 'post', '/api/star-june-exams', {
          year: YEAR,
          results: [{ employeeId: v.holder, score: 60, rank: 20 }],
        }),
      rows: 2,
    },
    {
      op: 'POST /api/star-holders/{employeeId}/demote',
      user: 'committee1',
      call: () =>
        send('committee1', 'post', `/api/star-holders/${v.holder}/demote`, {
          ground: 'not-at-level',
          reason: '审计检查',
          toLevel: 0,
        }),
      rows: 1,
    },
    {
      op: 'POST /api/star-reviews',
      user: 'hr1',
      call: async () => {
        const r = await send('hr1', 'post', '/api/star-reviews', { month: `${YEAR}-01` });
        v.starReview = r.body.id;
        return r;
      },
      rows: 1,
    },
    {
      op: 'POST /api/star-reviews/{id}/scores',
      user: 'hotlinelead1',
      before: async () => {
        v.starRows = await eventually(async () => {
          const r = (await s.http.get(`/api/star-reviews/${v.starReview}`).set(await auth('admin'))).body;
          return r.stage === 'scores' ? r.rows : null;
        }, 30000);
      },
      call: () =>
        send('hotlinelead1', 'post', `/api/star-reviews/${v.starReview}/scores`, {
          scores: v.starRows.map((x: any) => ({ employeeId: x.employeeId, score: 100, veto: false })),
        }),
      rows: 1,
    },
    // --- quarterly assessment
    {
      op: 'POST /api/quarterly-assessments',
      user: 'quality1',
      call: async () => {
        const r = await send('quality1', 'post', '/api/quarterly-assessments', {
          period: `${YEAR}-Q2`,
          scope: [v.branch],
          indicators: [{ name: '服务规范', weight: 100, target: 100 }],
        });
        v.plan = r.body.id;
        return r;
      },
      rows: 1,
    },
    {
      op: 'PUT /api/quarterly-assessments/{id}',
      user: 'quality1',
      call: () =>
        send('quality1', 'put', `/api/quarterly-assessments/${v.plan}`, {
          period: `${YEAR}-Q2`,
          scope: [v.branch],
          indicators: [{ name: '服务规范', weight: 100, target: 95 }],
        }),
      rows: 1,
    },
    {
      op: 'POST /api/quarterly-assessments/{id}/submit',
      user: 'quality1',
      call: async () => {
        const r = await send('quality1', 'post', `/api/quarterly-assessments/${v.plan}/submit`);
        v.planCase = r.body.caseId;
        return r;
      },
      rows: 1,
    },
    {
      op: 'PUT /api/quarterly-assessments/{id}/values',
      user: 'quality1',
      before: async () => {
        const t = await taskOf(v.planCase, 'plan');
        await send('quality1', 'post', `/api/tasks/${t.id}/actions`, { action: 'approve' });
        await eventually(async () => {
          const r = await s.http.get(`/api/quarterly-assessments/${v.plan}`).set(await auth('quality1'));
          return r.body.status === 'collecting';
        }, 30000);
      },
      call: () =>
        send('quality1', 'put', `/api/quarterly-assessments/${v.plan}/values`, {
          values: [{ unitId: v.branch, indicator: 'k1', value: 90 }],
        }),
      rows: 1,
    },
    {
      op: 'POST /api/quarterly-assessments/{id}/values/import',
      user: 'quality1',
      call: () =>
        upload(
          'quality1',
          `/api/quarterly-assessments/${v.plan}/values/import`,
          'values.csv',
          `单位,指标,数值\n${v.branch},服务规范,92\n`,
        ),
      rows: 1,
    },
    {
      op: 'POST /api/quarterly-assessments/{id}/findings',
      user: 'quality1',
      call: () =>
        send('quality1', 'post', `/api/quarterly-assessments/${v.plan}/findings`, {
          teamUnitId: v.team,
          description: '审计检查：工单记录不完整',
        }),
      rows: 1,
    },
    // --- service work orders and fines (K-1, K-8), scorecards (K-9)
    {
      op: 'POST /api/service-orders',
      user: 'dispatcher1',
      call: async () => {
        const r = await send('dispatcher1', 'post', '/api/service-orders', {
          orderNo: `AU-${randomUUID().slice(0, 8)}`,
          kind: 'ordinary',
          unitId: v.team,
        });
        v.serviceOrder = r.body.id;
        return r;
      },
      rows: 1,
    },
    {
      op: 'POST /api/service-orders/{id}/moves',
      user: 'dispatcher1',
      call: () => send('dispatcher1', 'post', `/api/service-orders/${v.serviceOrder}/moves`, { to: 'dispatch' }),
      rows: 1,
    },
    {
      op: 'PUT /api/service-orders/{id}/tracking',
      user: 'dispatcher1',
      call: () =>
        send('dispatcher1', 'put', `/api/service-orders/${v.serviceOrder}/tracking`, {
          line: 'handler_feedback',
          value: '审计检查',
        }),
      rows: 1,
    },
    {
      op: 'POST /api/service-orders/import',
      user: 'dispatcher1',
      call: () =>
        upload(
          'dispatcher1',
          '/api/service-orders/import',
          'orders.csv',
          [
            '工单号,工单类型,处理单位编码,受理时间,处理人工号,响应时间,办结时间',
            `AU-${randomUUID().slice(0, 8)},普通,a-team1,2026-04-02 09:00,,,`,
          ].join('\n'),
        ),
      rows: 1, // the batch
    },
    {
      op: 'POST /api/service-fines',
      user: 'quality1',
      call: () =>
        send('quality1', 'post', '/api/service-fines', {
          kind: 'attitude-complaint',
          employeeId: v.agent2,
          amountFen: 12000,
          description: '审计检查：态度投诉',
        }),
      rows: 2, // the fine and the approval case it opens
    },
    // --- notifications (issue 17)
    {
      op: 'PUT /api/notification-preferences/me',
      user: 'agent2',
      call: () =>
        send('agent2', 'put', '/api/notification-preferences/me', {
          email: 'agent2@example.com',
          channels: ['email'],
          webhookTargets: [],
        }),
      rows: 1,
    },
    {
      op: 'POST /api/notification-outbox/{id}/retry',
      user: 'admin',
      before: async () => {
        const [n] = await s.ds.query(
          `INSERT INTO notifications (idempotency_key, kind, user_id, message) VALUES ($1, 'task', $2, '审计检查') RETURNING id`,
          [`audit-coverage:${randomUUID()}`, v.agent2User],
        );
        [{ id: v.outbox }] = await s.ds.query(
          `INSERT INTO notification_outbox (notification_id, user_id, channel, target, idempotency_key, status, attempts)
           VALUES ($1, $2, 'email', 'agent2@example.com', $3, 'dead', 4) RETURNING id`,
          [n.id, v.agent2User, `audit-coverage:${randomUUID()}`],
        );
      },
      call: () => send('admin', 'post', `/api/notification-outbox/${v.outbox}/retry`),
      rows: 1,
    },
  );

  beforeAll(async () => {
    s = await startTestStack();
    doc = (await s.http.get('/api/docs-json')).body;
    const unit = async (c: string) => (await s.ds.query(`SELECT id FROM org_units WHERE code = $1`, [c]))[0].id;
    [v.hall, v.team, v.hotline, v.branch] = [
      await unit('b-hall'),
      await unit('a-team1'),
      await unit('a-hotline'),
      await unit('a-branch'),
    ];
    const [repairer] = await s.ds.query(
      `SELECT e.id, e.code FROM employees e JOIN org_units o ON o.id = e.unit_id WHERE o.code = 'a-team1'
       AND NOT EXISTS (SELECT 1 FROM users u WHERE u.employee_id = e.id) ORDER BY e.code LIMIT 1`,
    );
    [v.repairer, v.repairerCode] = [repairer.id, repairer.code];
    [{ employee_id: v.branchhead }] = await s.ds.query(`SELECT employee_id FROM users WHERE username = 'branchhead1'`);
    [{ employee_id: v.agent2, id: v.agent2User }] = await s.ds.query(
      `SELECT employee_id, id FROM users WHERE username = 'agent2'`,
    );
  });
  afterAll(() => s?.stop());

  const writes = () =>
    Object.entries<any>(doc.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );

  it('every write operation of the OpenAPI document is covered here (a step with its audit rows), exempt or pending', () => {
    const listed = new Set([...STEPS.map((x) => x.op), ...Object.keys(EXEMPT), ...Object.keys(PENDING)]);
    const missing = writes()
      .filter((op) => !listed.has(op))
      .map(
        (op) =>
          `${op} is a write operation of the OpenAPI document that test/e2e/audit-coverage.e2e-spec.ts does not cover: ` +
          'add a step to STEPS (a minimal valid request and the audit rows it writes, one per entity it changes), ' +
          'or list it in EXEMPT with the reason it writes no business data',
      );
    expect(missing).toEqual([]);
    // and nothing listed that the document no longer has (a renamed endpoint would be covered by nothing)
    const served = new Set(writes());
    expect(STEPS.map((x) => x.op).filter((op) => !served.has(op))).toEqual([]);
    expect(new Set(STEPS.map((x) => x.op)).size).toBe(STEPS.length);
  });

  it('each successful write appends ≥ 1 audit row naming the actor, exactly one per entity it changes', async () => {
    const ids: Record<string, string> = {};
    for (const r of await s.ds.query(`SELECT id, username FROM users`)) ids[r.username] = r.id;
    const problems: string[] = [];
    const ctx: Ctx = { s, v };
    for (const step of STEPS) {
      await step.before?.(ctx);
      const user = step.user === 'evaluator' ? v.evaluator : step.user;
      await s.login(user); // signed in before: the login's own audit row is not the operation's
      const [{ last }] = await s.ds.query(`SELECT coalesce(max(id), 0)::bigint AS last FROM audit_log`);
      const res = await step.call(ctx);
      if (!(step.ok ?? [200, 201, 204]).includes(res.status) || (step.done && !step.done(res))) {
        problems.push(`${step.op}: answered ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
        continue;
      }
      const expected = typeof step.rows === 'number' ? step.rows : step.rows(res, ctx);
      const mine = () =>
        s.ds.query(
          `SELECT id, actor_id, actor, action, entity, entity_id FROM audit_log
           WHERE id > $1 AND (actor_id = $2 OR actor = $3) ORDER BY id`,
          [last, ids[user], user],
        );
      // rows a process writes for the caller right after the answer (an activity of the Update) count too
      const rows: any[] = await eventually(async () => {
        const r = await mine();
        return r.length >= expected ? r : null;
      }, 10000).catch(() => mine());
      const label = `${step.op} as ${user}`;
      const summary = rows.map((r: any) => `${r.action} ${r.entity}:${r.entity_id}`).join(', ');
      if (expected < 1) problems.push(`${label}: the table expects no row; every write appends at least one`);
      if (rows.length !== expected)
        problems.push(`${label}: ${rows.length} audit rows naming the actor, expected ${expected} [${summary}]`);
      const unnamed = rows.filter((r: any) => r.actor_id !== ids[user] || r.actor !== user);
      if (unnamed.length) problems.push(`${label}: rows that do not name the actor by id and login [${summary}]`);
      const entities = new Set(rows.map((r: any) => `${r.entity}:${r.entity_id}`));
      if (entities.size !== rows.length) problems.push(`${label}: more than one row for one entity [${summary}]`);
      if ([...entities].some((e) => e.endsWith(':null')))
        problems.push(`${label}: a row without the id of the entity it changed [${summary}]`);
      console.log(`${label} → ${res.status}: ${summary}`);
    }
    expect(problems).toEqual([]);
  });
});
