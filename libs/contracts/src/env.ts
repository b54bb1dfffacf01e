import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** A webhook target the admin configures (NOTIFY_WEBHOOKS): users choose among them on their 通知设置 page. */
export const WebhookTargetSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/),
    name: z.string().min(1).max(60),
    format: z.enum(['json', 'wecom', 'dingtalk']).default('json'),
    url: z.string().url(),
    /** a DingTalk robot's 加签 secret (SEC…): each POST then carries `timestamp` and `sign` as DingTalk checks them */
    secret: z.string().min(1).max(200).optional(),
  })
  .refine((t) => t.secret === undefined || t.format === 'dingtalk', {
    path: ['secret'],
    message: 'secret (加签) is for DingTalk robots only',
  });
export type WebhookTarget = z.infer<typeof WebhookTargetSchema>;

/** Notifications' delivery (issue 17): SMTP, webhook targets and the dispatcher's retry policy. */
const NotifyEnv = {
  /** e.g. smtp://user:pass@mail.example.com:587; unset: e-mail rows stay pending (nothing is sent) */
  SMTP_URL: z.string().url().optional(),
  SMTP_FROM: z.string().min(3).default('QualityFlow <noreply@qualityflow.local>'),
  /** JSON array of {id, name, format: json|wecom|dingtalk, url} */
  NOTIFY_WEBHOOKS: z
    .string()
    .default('[]')
    .transform((v, ctx) => {
      try {
        return z.array(WebhookTargetSchema).parse(JSON.parse(v));
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: `NOTIFY_WEBHOOKS: ${e instanceof Error ? e.message : e}` });
        return z.NEVER;
      }
    }),
  /** false: this process runs no dispatcher */
  NOTIFY_DISPATCH: bool.default(true),
  /** false: this api keeps no K-2 deadline-scan Schedule (tests sharing one database run one scan, their own) */
  SERVICE_ORDER_SCAN: bool.default(true),
  NOTIFY_POLL_MS: z.coerce.number().int().min(10).default(5000),
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(6),
  NOTIFY_BACKOFF_MS: z.coerce.number().int().min(1).default(30000),
  NOTIFY_BACKOFF_MAX_MS: z.coerce.number().int().min(1).default(3600000),
  NOTIFY_TIMEOUT_MS: z.coerce.number().int().min(100).default(10000),
};

/** The one environment schema of api, worker and the dev stack; validated at boot. */
export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    /** the api's and the worker's connection: a role with only the grants they need (never the owner, never a superuser) */
    DATABASE_URL: z.string().url('DATABASE_URL must be a postgres:// URL').optional(),
    /** the owner of the schema: migrations, seeds and the app role's grants run with it; unset: `npm run migrate` does that */
    DATABASE_MIGRATION_URL: z.string().url('DATABASE_MIGRATION_URL must be a postgres:// URL').optional(),
    PG_PORT: z.coerce.number().int().min(1).max(65535).default(5433),
    TEMPORAL_ADDRESS: z.string().optional(),
    TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
    TEMPORAL_TASK_QUEUE: z.string().min(1).default('qualityflow'),
    TEMPORAL_TLS_CERT_PATH: z.string().optional(),
    TEMPORAL_TLS_KEY_PATH: z.string().optional(),
    TEMPORAL_TLS_CA_PATH: z.string().optional(),
    TEMPORAL_API_KEY: z.string().optional(),
    TEMPORAL_PORT: z.coerce.number().int().min(1).max(65535).default(7233),
    TEMPORAL_UI_PORT: z.coerce.number().int().min(1).max(65535).default(8233),
    /** Worker Versioning (apps/worker/src/versioning.ts): the deployment and this build; unset build: unversioned */
    TEMPORAL_DEPLOYMENT_NAME: z.string().min(1).default('qualityflow'),
    TEMPORAL_WORKER_BUILD_ID: z.string().trim().min(1).max(255).optional(),
    /** the worker's `GET /health` for probes (apps/worker/src/health.ts); unset: not served */
    WORKER_HEALTH_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    /** workflows the worker keeps in memory (Temporal's maxCachedWorkflows; README, Benchmarks); unset: the SDK's default */
    WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).optional(),
    /** base of the Temporal Web UI links; unset: http://localhost:<TEMPORAL_UI_PORT> */
    TEMPORAL_UI_URL: z.string().url().optional(),
    JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional(),
    JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(86400).default(1800),
    SEED_DEMO: bool.optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    CONSOLE_DIST: z.string().default('dist/console'),
    LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
    /** Express `trust proxy`: unset trusts no proxy (X-Forwarded-For ignored); e.g. `loopback`, `10.0.0.0/8`, or a hop count. */
    TRUST_PROXY: z.string().trim().min(1).optional(),
    LOGIN_BACKOFF_AFTER: z.coerce.number().int().min(1).default(5),
    LOGIN_BACKOFF_MAX_SECONDS: z.coerce.number().int().min(1).max(86400).default(300),
    ...NotifyEnv,
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'JWT_SECRET is required in production' });
    }
    if (env.NODE_ENV === 'production' && env.SEED_DEMO) {
      ctx.addIssue({ code: 'custom', path: ['SEED_DEMO'], message: 'demo logins are never seeded in production' });
    }
  })
  .transform((env) => ({
    ...env,
    TEMPORAL_UI_URL: (env.TEMPORAL_UI_URL ?? `http://localhost:${env.TEMPORAL_UI_PORT}`).replace(/\/+$/, ''),
  }));
export type Env = z.infer<typeof EnvSchema>;

/** Parses process.env; throws one error listing every bad variable. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export function seedDemoEnabled(env: Env): boolean {
  return env.SEED_DEMO ?? env.NODE_ENV !== 'production';
}
