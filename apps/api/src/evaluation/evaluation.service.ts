import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { AnswerEvaluationSchema, AssignEvaluationsSchema } from '@qf/contracts';
import { evaluationScript, rectificationFor, scoreForChoice } from '@qf/domain';
import {
  appendAudit,
  assignEvaluationsForDate,
  EvaluationFilter,
  findEvaluation,
  linkRectification,
  listEvaluations,
  pendingEvaluationCount,
  policyInEffect,
  recordAnswer,
} from '@qf/persistence';
import { RequestUser } from '../auth/auth.decorators';
import { conflict, forbidden, notFound } from '../common/errors';
import { RectificationsService } from '../rectifications/rectifications.service';
import { explainSampling } from './explain-sampling';
import { orderScope } from './order-scope';

const CHOICES = ['satisfied', 'basic', 'dissatisfied'] as const;

/** E-2…E-4, E-7: the daily assignment, the evaluations a reader may see, and answering one. */
@Injectable()
export class EvaluationService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly rectifications: RectificationsService,
  ) {}

  /**
   * E-1/E-2/E-4: samples and assigns the orders closed on `date` (the seed defaults to the date). The same code runs
   * each day in the `dailyEvaluationAssignment` workflow (Temporal Schedule, see EvaluationScheduleService);
   * idempotent by date: a second run adds only orders closed since (see assignEvaluationsForDate).
   */
  assign(user: RequestUser, body: z.infer<typeof AssignEvaluationsSchema>) {
    return assignEvaluationsForDate(this.ds, { ...body, actor: { id: user.id, name: user.username } });
  }

  /** The evaluations of the reader's units and their own, with the E-2 explanation, the E-3 script and choices. */
  async list(user: RequestUser, filter: Record<string, unknown>, orderBy: string, limit: number, offset: number) {
    const f: EvaluationFilter = {
      mine: filter.mine === true ? user.id : undefined,
      pending: filter.pending === true,
      overdue: filter.overdue === true,
      kind: filter.kind,
      evaluateOn: filter.evaluateOn,
      orderId: filter.orderId,
    };
    const { rows, total } = await listEvaluations(this.ds, {
      scope: orderScope(user),
      filter: f,
      orderBy,
      limit,
      offset,
    });
    const policy = await policyInEffect(this.ds);
    const choices = CHOICES.map((choice) => ({ choice, score: scoreForChoice(choice, policy) }));
    return {
      total,
      rows: rows.map((r) => ({
        ...r,
        explanation: explainSampling(r, policy.evaluation.managerPercent, policy.calendar.timeZone),
        script: evaluationScript(r.kind, policy),
        choices,
      })),
    };
  }

  /** The caller's unanswered evaluations (their 待办 beside the inbox's tasks). */
  pendingCount(user: RequestUser) {
    return pendingEvaluationCount(this.ds, user.id);
  }

  /** E-3: one choice of three with its score; E-7: a dissatisfied one opens a rectification (or an internal note). */
  async answer(user: RequestUser, id: string, body: z.infer<typeof AnswerEvaluationSchema>) {
    const ev = /^[0-9a-f-]{36}$/i.test(id) ? await findEvaluation(this.ds, id, orderScope(user)) : undefined;
    if (!ev) throw notFound('evaluation');
    if (ev.evaluatorUserId && ev.evaluatorUserId !== user.id)
      throw forbidden('this evaluation is assigned to another person');
    if (!ev.evaluatorUserId && !user.roles.includes(ev.kind)) throw forbidden(`this evaluation needs role ${ev.kind}`);
    const score = scoreForChoice(body.choice, await policyInEffect(this.ds));
    await this.ds.transaction(async (tx) => {
      if (!(await recordAnswer(tx, { id, choice: body.choice, score, userId: user.id })))
        throw conflict('this evaluation has already been answered');
      await appendAudit(tx, {
        actor: { id: user.id, name: user.username },
        action: 'evaluation.answered',
        entity: 'evaluation',
        entityId: id,
        after: { ...body, score },
      });
    });
    let rectificationCaseId: string | null = null;
    const opens = rectificationFor(ev.kind, body.choice);
    if (opens) {
      const r = await this.rectifications.open(user, {
        origin: 'dissatisfied-callback',
        teamUnitId: ev.teamUnitId,
        orderNo: ev.orderNo,
        internal: opens === 'internal-note',
        description: `${ev.kind === 'foreman' ? '工长自评' : '回访'}不满意：工单 ${ev.orderNo}${body.note ? `，${body.note}` : ''}`,
      });
      rectificationCaseId = r.caseId;
      await linkRectification(this.ds, id, r.caseId);
    }
    return { id, choice: body.choice, score, rectificationCaseId };
  }
}
