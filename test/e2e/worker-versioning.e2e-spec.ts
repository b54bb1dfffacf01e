import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { buildOfWorkflow, release, type DeploymentVersion } from '../../apps/worker/src/versioning';
import { createWorker, workflowBundle } from '../../apps/worker/src/worker';
import { eventually, startTestStack, TestStack } from '../support/stack';

/**
 * Issue 19, Worker Versioning: cases are pinned to the build that started them; a release (the replay gate, then the
 * build becomes current) sends new cases to the new build while the old case keeps running on the old one; the gate
 * refuses a build on which an open case's history does not replay.
 */
describe('worker versioning: pinned cases, release gated by replay (issue 19)', () => {
  let s: TestStack;
  let native: NativeConnection;
  let connection: Connection;
  let client: Client;
  const deploymentName = `qf-e2e-${randomUUID().slice(0, 8)}`;
  const workers: { worker: Worker; running: Promise<void> }[] = [];
  let unitId: string;
  const emp: Record<string, string> = {};

  beforeAll(async () => {
    s = await startTestStack({}, { worker: false });
    native = await NativeConnection.connect({ address: s.env.TEMPORAL_ADDRESS! });
    connection = await Connection.connect({ address: s.env.TEMPORAL_ADDRESS! });
    client = new Client({ connection, namespace: s.env.TEMPORAL_NAMESPACE });
    const rows = await s.ds.query(
      `SELECT u.username, u.employee_id, e.unit_id FROM users u JOIN employees e ON e.id = u.employee_id`,
    );
    for (const r of rows) emp[r.username] = r.employee_id;
    unitId = rows.find((r: { username: string }) => r.username === 'agent1').unit_id;
  });
  afterAll(async () => {
    for (const w of workers) w.worker.shutdown();
    await Promise.all(workers.map((w) => w.running));
    await connection?.close();
    await native?.close();
    await s?.stop();
  });

  const version = (buildId: string): DeploymentVersion => ({ deploymentName, buildId });
  async function startBuild(buildId: string) {
    const worker = await createWorker({
      connection: native,
      namespace: s.env.TEMPORAL_NAMESPACE,
      taskQueue: s.env.TEMPORAL_TASK_QUEUE,
      ds: s.ds,
      deployment: version(buildId),
    });
    workers.push({ worker, running: worker.run() });
  }
  const releaseBuild = async (buildId: string, bundle?: { codePath: string }) =>
    release({
      client,
      namespace: s.env.TEMPORAL_NAMESPACE,
      taskQueue: s.env.TEMPORAL_TASK_QUEUE,
      version: version(buildId),
      workflowBundle: bundle ?? (await workflowBundle()),
    });
  // the server knows a build once its workers have polled: retry until it accepts it
  const releaseWhenPolling = (buildId: string) =>
    eventually(async () => {
      const r = await releaseBuild(buildId);
      return r.current ? r : null;
    }, 30000);

  const auth = async (u: string) => ({ Authorization: `Bearer ${await s.login(u)}` });
  async function registerComplaint(): Promise<{ caseId: string; workflowId: string }> {
    const res = await s.http
      .post('/api/complaints')
      .set(await auth('verifier1'))
      .send({
        source: 'hotline-work-order',
        workOrderNo: `WV-${randomUUID().slice(0, 8)}`,
        customer: '王女士',
        channel: '10000号',
        occurredAt: '2026-11-20T02:00:00Z',
        description: '版本切换期间登记的投诉',
        unitId,
        employeeIds: [emp.agent1],
      });
    expect(res.status).toBe(201);
    const [row] = await s.ds.query(`SELECT workflow_id FROM cases WHERE id = $1`, [res.body.id]);
    return { caseId: res.body.id, workflowId: row.workflow_id };
  }
  const openTask = (caseId: string, stage: string) =>
    eventually(async () => {
      const c = await s.http.get(`/api/cases/${caseId}`).set(await auth('admin'));
      return c.body.tasks?.find((x: { stage: string; status: string }) => x.stage === stage && x.status === 'open')
        ?.id as string | undefined;
    }, 30000);

  it('a case stays on the build that started it; after a release new cases start on the new build', async () => {
    await startBuild('build-a');
    const first = await releaseWhenPolling('build-a');
    expect(first).toMatchObject({ current: true, failures: [] });

    const old = await registerComplaint();
    await openTask(old.caseId, 'verify');
    expect(await buildOfWorkflow(client, old.workflowId)).toBe('build-a');

    await startBuild('build-b');
    const second = await releaseWhenPolling('build-b');
    // the gate replayed the open case's history on the new build's code before making it current
    expect(second.replayed).toBeGreaterThanOrEqual(1);
    expect(second.failures).toEqual([]);

    const fresh = await registerComplaint();
    await openTask(fresh.caseId, 'verify');
    expect(await buildOfWorkflow(client, fresh.workflowId)).toBe('build-b');

    // the old case moves on, still pinned to build-a (its workers are still up)
    const t = await openTask(old.caseId, 'verify');
    const ok = await s.http
      .post(`/api/tasks/${t}/actions`)
      .set(await auth('verifier1'))
      .send({ action: 'approve', data: { verdict: 'valid-not-liable', facts: '员工按规范操作' } });
    expect(ok.status).toBe(200);
    expect(await buildOfWorkflow(client, old.workflowId)).toBe('build-a');
  });

  it('the gate refuses a build on which an open case does not replay, and the current build stays', async () => {
    // a bundle without the product's workflows stands for a build whose code cannot run the open cases' histories
    const { bundleWorkflowCode } = await import('@temporalio/worker');
    const { mkdirSync, mkdtempSync, writeFileSync } = await import('node:fs');
    const path = await import('node:path');
    // inside the repository (gitignored), so the bundler resolves @temporalio/workflow from its node_modules
    mkdirSync(path.join(process.cwd(), '.test-data'), { recursive: true });
    const dir = mkdtempSync(path.join(process.cwd(), '.test-data', 'wv-'));
    writeFileSync(path.join(dir, 'wf.ts'), 'export async function somethingElse(): Promise<void> {}\n');
    const other = await bundleWorkflowCode({ workflowsPath: path.join(dir, 'wf.ts') });
    const bundlePath = path.join(dir, 'bundle.js');
    writeFileSync(bundlePath, other.code);

    await registerComplaint();
    const refused = await releaseBuild('build-c', { codePath: bundlePath });
    expect(refused.current).toBe(false);
    expect(refused.failures.length).toBeGreaterThanOrEqual(1);
    expect(refused.failures[0].error).toMatch(/workflow|type|not found|registered/i);
    const d = await client.workflowService.describeWorkerDeployment({
      namespace: s.env.TEMPORAL_NAMESPACE,
      deploymentName,
    });
    expect(d.workerDeploymentInfo?.routingConfig?.currentDeploymentVersion?.buildId).toBe('build-b');
  });
});
