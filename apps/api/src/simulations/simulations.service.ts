import { Inject, Injectable } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { StartSimulation, SimulationWorkflowInput } from '@qf/contracts';
import { PolicySchema } from '@qf/policy';
import {
  appendAudit,
  currentPolicyVersion,
  deleteSimulation,
  findSimulation,
  finishSimulation,
  insertSimulation,
  listSimulationChanges,
  listSimulations,
  policyVersion,
  simulationMonthTotals,
  simulationMoves,
  simulationResults,
  simulationUnits,
  SimulationRow,
} from '@qf/persistence';
import { RequestUser } from '../auth/auth.decorators';
import { badRequest, notFound } from '../common/errors';
import { TemporalService } from '../temporal/temporal.module';
import { simulationWorkbook } from './simulation-export';

type Page = { orderBy: string; limit: number; offset: number };
const isUuid = (id: string) => /^[0-9a-f-]{36}$/i.test(id);

/**
 * What-if (issue 16): a policy version (a draft too) against a baseline over recorded months, run as the
 * policySimulation workflow; its results are kept until deleted and never touch the ledger or settlements.
 */
@Injectable()
export class SimulationsService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly temporal: TemporalService,
  ) {}

  private async policyBody(version: number, field: string): Promise<unknown> {
    const v = await policyVersion(this.ds, version, true);
    if (!v)
      throw badRequest(`policy version ${version} does not exist`, [
        { path: field, message: 'no such policy version', code: 'simulation.no_policy', params: { version } },
      ]);
    if (!PolicySchema.safeParse(v.body ?? {}).success)
      throw badRequest(`policy version ${version} is not a valid policy`, [
        { path: field, message: 'not a valid policy', code: 'simulation.invalid_policy', params: { version } },
      ]);
    return v.body ?? {};
  }

  async start(user: RequestUser, body: StartSimulation): Promise<{ id: string }> {
    const policy = await this.policyBody(body.policyVersion, 'policyVersion');
    let baselineVersion: number | null = body.baselineVersion ?? null;
    let baseline: unknown = {};
    if (baselineVersion !== null) baseline = await this.policyBody(baselineVersion, 'baselineVersion');
    else {
      const cur = await currentPolicyVersion(this.ds);
      baselineVersion = cur ? Number(cur.version) : null;
      baseline = cur?.body ?? {};
    }
    const months = [...body.months].sort();
    const { id, workflowId } = await this.ds.transaction(async (tx) => {
      const row = await insertSimulation(tx, {
        policyVersion: body.policyVersion,
        baselineVersion,
        months,
        createdBy: user.id,
      });
      await appendAudit(tx, {
        actor: { id: user.id, name: user.username },
        action: 'simulation.started',
        entity: 'simulation',
        entityId: row.id,
        workflowId: row.workflowId,
        after: { policyVersion: body.policyVersion, baselineVersion, months },
      });
      return row;
    });
    const input: SimulationWorkflowInput = { simulationId: id, months, policy, baseline };
    try {
      const client = await this.temporal.client();
      await client.workflow.start('policySimulation', {
        workflowId,
        taskQueue: this.temporal.taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
    } catch (e) {
      // the run never started: the row says so instead of "running" for ever
      await finishSimulation(this.ds, id, 'failed', (e as Error).message);
      throw e;
    }
    return { id };
  }

  list(page: Page) {
    return listSimulations(this.ds, page);
  }

  private async row(id: string): Promise<SimulationRow> {
    const s = isUuid(id) ? await findSimulation(this.ds, id) : undefined;
    if (!s) throw notFound('simulation');
    return s;
  }

  /** The run, its progress (months done of all) and the summary over the months done: totals, moves, per branch. */
  async get(id: string) {
    const s = await this.row(id);
    const months = await simulationMonthTotals(this.ds, id);
    const moves = await simulationMoves(this.ds, id);
    const sum = (f: (m: (typeof months)[number]) => number) => months.reduce((a, m) => a + f(m), 0);
    return {
      ...s,
      progress: { done: s.monthsDone, total: s.months.length },
      summary: {
        employees: sum((m) => m.employees),
        changed: sum((m) => m.changed),
        gradeMoves: moves.filter((m) => m.before !== m.after).reduce((a, m) => a + m.people, 0),
        p4Before: sum((m) => m.p4Before),
        p4After: sum((m) => m.p4After),
        p5Before: sum((m) => m.p5Before),
        p5After: sum((m) => m.p5After),
        moneyBeforeFen: sum((m) => m.moneyBeforeFen),
        moneyAfterFen: sum((m) => m.moneyAfterFen),
        moneyDeltaFen: sum((m) => m.moneyAfterFen - m.moneyBeforeFen),
        pointsDeltaX10: sum((m) => m.pointsAfterX10 - m.pointsBeforeX10),
        perceptionChanged: sum((m) => m.perceptionChanged),
        starPayChanged: sum((m) => m.starPayChanged ?? 0),
        starPayDeltaFen: sum((m) => (m.starPayAfterFen ?? 0) - (m.starPayBeforeFen ?? 0)),
        repairerScoresChanged: sum((m) => m.repairerScoresChanged ?? 0),
        scorecardsChanged: sum((m) => m.scorecardsChanged ?? 0),
        finesDeltaFen: sum((m) => (m.finesAfterFen ?? 0) - (m.finesBeforeFen ?? 0)),
      },
      monthTotals: months,
      moves,
      units: await simulationUnits(this.ds, id),
      /** star pay (S-10, S-12), repairer scores (E-5), scorecards and K-5 fines (K-*) that would change */
      results: await simulationResults(this.ds, id),
    };
  }

  async changes(id: string, filter: Record<string, unknown>, page: Page) {
    await this.row(id);
    return listSimulationChanges(this.ds, id, filter, page);
  }

  async workbook(id: string) {
    const s = await this.row(id);
    const { rows } = await listSimulationChanges(
      this.ds,
      id,
      {},
      { orderBy: 'c.month ASC, e.code ASC', limit: 1_000_000, offset: 0 },
    );
    const results = await simulationResults(this.ds, id);
    return { workbook: simulationWorkbook(s, rows, results), name: `simulation-v${s.policyVersion}` };
  }

  /** Deletes the run and its results (a running workflow is terminated first). */
  async remove(user: RequestUser, id: string): Promise<void> {
    const s = await this.row(id);
    if (s.status === 'running') {
      const client = await this.temporal.client();
      await client.workflow
        .getHandle(s.workflowId)
        .terminate('simulation deleted')
        .catch((e) => {
          if (!(e instanceof WorkflowNotFoundError)) throw e;
        });
    }
    await this.ds.transaction(async (tx) => {
      await deleteSimulation(tx, id);
      await appendAudit(tx, {
        actor: { id: user.id, name: user.username },
        action: 'simulation.deleted',
        entity: 'simulation',
        entityId: id,
        workflowId: s.workflowId,
        before: { policyVersion: s.policyVersion, baselineVersion: s.baselineVersion, months: s.months },
      });
    });
  }
}
