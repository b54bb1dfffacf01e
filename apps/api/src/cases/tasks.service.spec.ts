import { ServiceError } from '@temporalio/client';
import { ApiError } from '../common/errors';
import { TasksService } from './tasks.service';

/** Issue 12: a transient Temporal failure of a task action is a 409 or a 503 with Retry-After, never a 500. */
describe('task actions under a busy Temporal', () => {
  const taskId = '11111111-1111-4111-8111-111111111111';
  const user = {
    id: 'u1',
    username: 'leader1',
    displayName: 'L',
    roles: ['leadership'],
    employeeId: null,
    unitId: null,
  };

  function service(opts: { statusAfter: string; error: unknown; mine?: boolean; visible?: boolean }) {
    const ds = {
      query: async (sql: string) =>
        sql.includes('AS visible')
          ? [{ id: taskId, status: 'open', mine: opts.mine ?? true, visible: opts.visible ?? true, workflow_id: 'w' }]
          : [{ status: opts.statusAfter }],
    };
    const handle = {
      executeUpdate: async () => {
        throw opts.error;
      },
    };
    const temporal = { client: async () => ({ workflow: { getHandle: () => handle } }) };
    return new TasksService(ds as never, temporal as never);
  }
  const answer = (p: Promise<unknown>) =>
    p.then(
      () => ({ status: 200 }),
      (e) => ({ status: e instanceof ApiError ? e.getStatus() : 500, headers: (e as ApiError).headers }),
    );
  const aborted = new ServiceError('Workflow Update failed', {
    cause: Object.assign(new Error('10 ABORTED: workflow update was aborted'), { code: 10 }),
  });

  it('"workflow update was aborted" while the task is still open: 503 with Retry-After', async () => {
    const r = await answer(
      service({ statusAfter: 'open', error: aborted }).act(user as never, taskId, { action: 'approve' }),
    );
    expect(r).toEqual({ status: 503, headers: { 'Retry-After': '1' } });
  });

  it('a transient failure after the task was decided meanwhile: 409', async () => {
    const timeout = Object.assign(new Error('4 DEADLINE_EXCEEDED: deadline exceeded'), { code: 4 });
    for (const error of [aborted, timeout]) {
      const r = await answer(service({ statusAfter: 'done', error }).act(user as never, taskId, { action: 'approve' }));
      expect(r.status).toBe(409);
    }
  });

  it('an unexpected error stays a 500 (not hidden as busy)', async () => {
    const r = await answer(
      service({ statusAfter: 'open', error: new TypeError('boom') }).act(user as never, taskId, { action: 'approve' }),
    );
    expect(r.status).toBe(500);
  });

  it("who may act comes before what they send: someone else's task with an empty body is 403, an unseen one 404", async () => {
    const notMine = service({ statusAfter: 'open', error: aborted, mine: false });
    expect((await answer(notMine.act(user as never, taskId, {}))).status).toBe(403);
    const unseen = service({ statusAfter: 'open', error: aborted, mine: false, visible: false });
    expect((await answer(unseen.act(user as never, taskId, {}))).status).toBe(404);
    const mine = service({ statusAfter: 'open', error: aborted });
    expect((await answer(mine.act(user as never, taskId, {}))).status).toBe(400);
  });
});
