import { createServer, type Server } from 'node:http';
import type { Worker } from '@temporalio/worker';

/**
 * The worker's health endpoint for an orchestrator's probes (Kubernetes liveness/readiness: infra/k8s): `GET /health`
 * answers 200 `{"state":"RUNNING"}` while the worker polls its task queue, 503 with the state otherwise (starting,
 * draining on SIGTERM, failed). Off unless WORKER_HEALTH_PORT is set.
 */
export function serveWorkerHealth(worker: Pick<Worker, 'getState'>, port: number, host = '0.0.0.0'): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/health') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    const state = worker.getState();
    res
      .writeHead(state === 'RUNNING' ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' })
      .end(JSON.stringify({ state }));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
