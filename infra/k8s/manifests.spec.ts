import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EnvSchema } from '@qf/contracts';
import { parseManifests, validateObject } from './validate';

/**
 * The Kubernetes manifests (infra/k8s) validated offline: every object against the Kubernetes API schemas bundled in
 * the `kubernetes-models` package (nothing is downloaded), then what the deployment relies on — probes on the health
 * endpoints, the HPA on the task-queue backlog, the migration Job, secrets only from Secrets, settings the env schema
 * accepts. `npm run test:k8s` also renders the Temporal chart (helm) and validates its objects the same way.
 */
const dir = __dirname;
const load = (rel: string) => parseManifests(readFileSync(path.join(dir, rel), 'utf8'), rel);
const kustomization = parseManifests(readFileSync(path.join(dir, 'app/kustomization.yaml'), 'utf8'))[0] as unknown as {
  resources: string[];
};
const app = kustomization.resources.flatMap((f) => load(path.join('app', f)));
const secrets = load('secrets.example.yaml');
const find = (kind: string, name: string) => {
  const o = app.find((x) => x.kind === kind && x.metadata.name === name);
  if (!o) throw new Error(`no ${kind} ${name}`);
  return o as any; // eslint-disable-line @typescript-eslint/no-explicit-any
};
/** plain (non-secret) env values the manifests may set inline */
const NOT_SECRET = ['TEMPORAL_WORKER_BUILD_ID'];
const podSpec = (kind: string, name: string) => find(kind, name).spec.template.spec;

describe('Kubernetes manifests (infra/k8s), validated offline', () => {
  it('every object of the kustomization and the example Secrets is valid against the Kubernetes schemas', () => {
    expect(app.length).toBeGreaterThanOrEqual(8);
    for (const o of [...app, ...secrets]) expect(() => validateObject(o)).not.toThrow();
  });

  it('the validation refuses a broken object (a replica count as text, a Deployment without selector)', () => {
    const bad = structuredClone(find('Deployment', 'qualityflow-api'));
    bad.spec.replicas = 'two';
    expect(() => validateObject(bad)).toThrow(/replicas must be integer/);
    const noSelector = structuredClone(find('Deployment', 'qualityflow-worker'));
    delete noSelector.spec.selector;
    expect(() => validateObject(noSelector)).toThrow(/selector/);
    expect(() => validateObject({ apiVersion: 'apps/v9', kind: 'Deployment', metadata: { name: 'x' } })).toThrow(
      /no Kubernetes schema/,
    );
  });

  it('api: readiness on /api/health, liveness that a Temporal outage does not trip, non-root, read-only root', () => {
    const [c] = podSpec('Deployment', 'qualityflow-api').containers;
    expect(c.readinessProbe.httpGet).toMatchObject({ path: '/api/health', port: 'http' });
    expect(c.livenessProbe.httpGet).toBeUndefined();
    expect(c.livenessProbe.tcpSocket).toMatchObject({ port: 'http' });
    expect(c.ports).toEqual([{ name: 'http', containerPort: 3000 }]);
    expect(c.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
    expect(podSpec('Deployment', 'qualityflow-api').securityContext.runAsNonRoot).toBe(true);
    expect(find('Service', 'qualityflow-api').spec.selector).toEqual(
      find('Deployment', 'qualityflow-api').spec.template.metadata.labels['app.kubernetes.io/name'] && {
        'app.kubernetes.io/name': 'qualityflow-api',
      },
    );
  });

  it('worker: probes on its health endpoint, on the port the config gives it', () => {
    const config = find('ConfigMap', 'qualityflow-config').data;
    const [c] = podSpec('Deployment', 'qualityflow-worker').containers;
    expect(c.ports).toEqual([{ name: 'health', containerPort: Number(config.WORKER_HEALTH_PORT) }]);
    for (const p of ['readinessProbe', 'livenessProbe', 'startupProbe'])
      expect(c[p].httpGet).toMatchObject({ path: '/health', port: 'health' });
  });

  it('the worker scales on the Temporal task-queue backlog of the configured namespace and queue', () => {
    const config = find('ConfigMap', 'qualityflow-config').data;
    const hpa = find('HorizontalPodAutoscaler', 'qualityflow-worker');
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'qualityflow-worker' });
    const [m] = hpa.spec.metrics;
    expect(m.type).toBe('External');
    expect(m.external.metric.name).toBe('temporal_approximate_backlog_count');
    expect(m.external.metric.selector.matchLabels).toEqual({
      namespace: config.TEMPORAL_NAMESPACE,
      taskqueue: config.TEMPORAL_TASK_QUEUE,
    });
    const adapter = readFileSync(path.join(dir, 'prometheus-adapter.values.yaml'), 'utf8');
    expect(adapter).toContain('as: temporal_approximate_backlog_count');
  });

  it('migrations run as a Job with the owner role; api and worker never get the owner URL', () => {
    const [c] = podSpec('Job', 'qualityflow-migrate').containers;
    expect(c.command.slice(-2)).toEqual(['dist/apps/worker/main.js', 'migrate']);
    const names = (cc: { env: { name: string }[] }) => cc.env.map((e) => e.name);
    expect(names(c)).toContain('DATABASE_MIGRATION_URL');
    for (const d of ['qualityflow-api', 'qualityflow-worker'])
      expect(names(podSpec('Deployment', d).containers[0])).not.toContain('DATABASE_MIGRATION_URL');
  });

  it('worker and release Job run the build of the image tag (Worker Versioning: cases pinned to their build)', () => {
    const tag = (kustomization as unknown as { images: { newTag: string }[] }).images[0].newTag;
    const build = (kind: string, name: string) =>
      podSpec(kind, name).containers[0].env.find((e: { name: string }) => e.name === 'TEMPORAL_WORKER_BUILD_ID')?.value;
    expect(build('Deployment', 'qualityflow-worker')).toBe(tag);
    expect(build('Job', 'qualityflow-release')).toBe(tag);
    expect(podSpec('Job', 'qualityflow-release').containers[0].command.slice(-1)).toEqual(['release']);
  });

  it('secrets come from Secrets only, each key a Secret of the example provides; the config holds no secret', () => {
    const secretKeys = new Map(secrets.map((s) => [s.metadata.name, Object.keys(s.stringData as object)]));
    const config = find('ConfigMap', 'qualityflow-config').data as Record<string, string>;
    for (const k of ['JWT_SECRET', 'DATABASE_URL', 'DATABASE_MIGRATION_URL', 'TEMPORAL_API_KEY'])
      expect(config[k]).toBeUndefined();
    for (const o of app.filter((x) => ['Deployment', 'Job'].includes(x.kind))) {
      const spec = (o as any).spec.template.spec; // eslint-disable-line @typescript-eslint/no-explicit-any
      for (const e of spec.containers[0].env ?? []) {
        if (NOT_SECRET.includes(e.name)) continue;
        const ref = e.valueFrom?.secretKeyRef;
        expect({ var: e.name, ref: !!ref }).toEqual({ var: e.name, ref: true });
        expect(secretKeys.get(ref.name)).toContain(ref.key);
      }
      for (const v of spec.volumes ?? []) if (v.secret) expect(secretKeys.has(v.secret.secretName)).toBe(true);
    }
    for (const s of secrets)
      for (const v of Object.values(s.stringData as Record<string, string>))
        expect(v === '' || /REPLACE/.test(v)).toBe(true);
  });

  it('the config is accepted by the env schema in production (with the secrets set)', () => {
    const config = find('ConfigMap', 'qualityflow-config').data as Record<string, string>;
    const withSecrets = {
      ...config,
      DATABASE_URL: 'postgres://qf_app:x@db:5432/qualityflow',
      JWT_SECRET: 'x'.repeat(32),
    };
    const r = EnvSchema.safeParse(withSecrets);
    expect(r.error?.issues ?? []).toEqual([]);
    expect(r.data?.NODE_ENV).toBe('production');
  });

  it('Temporal comes from its official chart as a pinned dependency, on PostgreSQL, creating the namespace used', () => {
    const [chart] = parseManifests(readFileSync(path.join(dir, 'temporal/Chart.yaml'), 'utf8')) as any[]; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(chart.dependencies).toEqual([
      { name: 'temporal', version: '1.6.0', repository: 'https://go.temporal.io/helm-charts' },
    ]);
    const [values] = parseManifests(readFileSync(path.join(dir, 'temporal/values.yaml'), 'utf8')) as any[]; // eslint-disable-line @typescript-eslint/no-explicit-any
    const cfg = values.temporal.server.config;
    for (const store of ['default', 'visibility'])
      expect(cfg.persistence.datastores[store].sql.pluginName).toBe('postgres12');
    const config = find('ConfigMap', 'qualityflow-config').data;
    expect(cfg.namespaces.namespace.map((n: { name: string }) => n.name)).toContain(config.TEMPORAL_NAMESPACE);
    expect(existsSync(path.join(dir, 'temporal/charts/temporal-1.6.0.tgz'))).toBe(true);
  });
});
