/**
 * npm run test:k8s — renders the Temporal chart (the official chart, vendored as infra/k8s/temporal/charts/*.tgz, so
 * nothing is downloaded) with our values through `helm lint` + `helm template`, and validates every rendered object
 * offline against the Kubernetes schemas (kubernetes-models), like the unit test does for our own manifests.
 * Usage: ts-node infra/k8s/render-check.ts <path to helm>
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { parseManifests, validateObject } from './validate';

const helm = process.argv[2];
if (!helm) throw new Error('usage: render-check <helm binary>');
const chart = path.join(__dirname, 'temporal');
const run = (args: string[]) => execFileSync(helm, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

console.log(run(['lint', chart, '--namespace', 'temporal']).trim());
const rendered = parseManifests(run(['template', 'temporal', chart, '--namespace', 'temporal']), 'helm template');
const counts = new Map<string, number>();
const failures: string[] = [];
for (const o of rendered) {
  counts.set(o.kind, (counts.get(o.kind) ?? 0) + 1);
  try {
    validateObject(o);
  } catch (e) {
    failures.push((e as Error).message);
  }
}
const kinds = [...counts].map(([k, n]) => `${k} ${n}`).join(', ');
console.log(`test:k8s: helm template rendered ${rendered.length} objects (${kinds})`);
const must = ['Deployment', 'Service', 'ConfigMap'];
for (const k of must) if (!counts.get(k)) failures.push(`no ${k} rendered`);
const config = rendered.find((o) => o.kind === 'ConfigMap' && /config/.test(o.metadata.name));
const text = JSON.stringify(config ?? {});
for (const needle of ['postgres12', 'numHistoryShards'])
  if (!text.includes(needle)) failures.push(`server config lacks ${needle}`);
if (failures.length) {
  console.error(`test:k8s: ${failures.length} invalid:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('test:k8s: every rendered object is valid against the Kubernetes schemas');
