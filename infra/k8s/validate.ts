import { parseAllDocuments } from 'yaml';

/** Kubernetes objects parsed from YAML and validated offline against the schemas bundled in `kubernetes-models`. */
export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  [k: string]: unknown;
};

export function parseManifests(text: string, file = '<text>'): K8sObject[] {
  return parseAllDocuments(text)
    .map((d) => {
      if (d.errors.length) throw new Error(`${file}: ${d.errors[0].message}`);
      return d.toJS() as K8sObject | null;
    })
    .filter((o): o is K8sObject => o !== null);
}

/** The kubernetes-models class of an object: `apps/v1` → kubernetes-models/apps/v1, `v1` → kubernetes-models/v1. */
export function validateObject(o: K8sObject): void {
  if (!o?.apiVersion || !o.kind)
    throw new Error(`an object without apiVersion/kind: ${JSON.stringify(o).slice(0, 120)}`);
  let mod: Record<string, unknown>;
  try {
    mod = require(`kubernetes-models/${o.apiVersion}`);
  } catch {
    throw new Error(`${o.kind} ${o.metadata?.name}: no Kubernetes schema for apiVersion ${o.apiVersion}`);
  }
  const Model = mod[o.kind] as (new (d: unknown) => { validate(): void }) | undefined;
  if (!Model)
    throw new Error(`${o.kind} ${o.metadata?.name}: no Kubernetes schema for kind ${o.kind} in ${o.apiVersion}`);
  try {
    new Model(o).validate();
  } catch (e) {
    throw new Error(`${o.kind} ${o.metadata?.name}: ${(e as Error).message}`);
  }
}
