import type { AddressInfo } from 'node:net';
import type { State } from '@temporalio/worker';
import { serveWorkerHealth } from './health';

describe('worker health endpoint (Kubernetes probes)', () => {
  it('answers 200 while the worker runs, 503 while it drains, 404 elsewhere', async () => {
    let state: State = 'RUNNING';
    const server = await serveWorkerHealth({ getState: () => state }, 0, '127.0.0.1');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const up = await fetch(`${base}/health`);
      expect([up.status, await up.json()]).toEqual([200, { state: 'RUNNING' }]);
      state = 'DRAINING';
      const draining = await fetch(`${base}/health?probe=1`);
      expect([draining.status, await draining.json()]).toEqual([503, { state: 'DRAINING' }]);
      expect((await fetch(`${base}/metrics`)).status).toBe(404);
      expect((await fetch(`${base}/health`, { method: 'POST' })).status).toBe(404);
    } finally {
      server.close();
    }
  });
});
