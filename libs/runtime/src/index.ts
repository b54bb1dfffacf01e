import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Env } from '@qf/contracts';

/** Connection settings for Temporal from the env schema (plain, TLS or API key). */
export function temporalConnectionOptions(env: Env, address: string) {
  const tls =
    env.TEMPORAL_TLS_CERT_PATH && env.TEMPORAL_TLS_KEY_PATH
      ? {
          clientCertPair: {
            crt: readFileSync(env.TEMPORAL_TLS_CERT_PATH),
            key: readFileSync(env.TEMPORAL_TLS_KEY_PATH),
          },
          serverRootCACertificate: env.TEMPORAL_TLS_CA_PATH ? readFileSync(env.TEMPORAL_TLS_CA_PATH) : undefined,
        }
      : env.TEMPORAL_API_KEY
        ? true
        : undefined;
  return { address, tls, apiKey: env.TEMPORAL_API_KEY };
}

export function temporalAddress(env: Env): string {
  return env.TEMPORAL_ADDRESS ?? `127.0.0.1:${env.TEMPORAL_PORT}`;
}

/**
 * The app's connection (api, worker): DATABASE_URL, a role with only the grants the code needs. There is no default —
 * `npm start` and the test stack create that role in their embedded Postgres and set it; the owner's URL
 * (DATABASE_MIGRATION_URL) is for migrations only.
 */
export function databaseUrl(env: Env): string {
  if (!env.DATABASE_URL)
    throw new Error(
      "DATABASE_URL is not set: the app role's postgres:// URL (npm start sets it for its embedded Postgres)",
    );
  return env.DATABASE_URL;
}

/** Repository root, found from this file (works from ts-node and from jest). */
export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** Aliases of tsconfig.base.json, for the workflow bundle's webpack (workspace imports inside workflows). */
export function workspaceAliases(): Record<string, string> {
  const cfg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'tsconfig.base.json'), 'utf8'));
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries<string[]>(cfg.compilerOptions.paths)) out[k] = path.join(REPO_ROOT, v[0]);
  return out;
}
