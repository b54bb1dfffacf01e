import { DataSource } from 'typeorm';

/** A table privilege the app role may hold. TRUNCATE, REFERENCES and TRIGGER are never granted. */
export type AppPrivilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';

const SI: AppPrivilege[] = ['SELECT', 'INSERT'];
const SIU: AppPrivilege[] = ['SELECT', 'INSERT', 'UPDATE'];
const SID: AppPrivilege[] = ['SELECT', 'INSERT', 'DELETE'];
const SIUD: AppPrivilege[] = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];

/**
 * What the app role (api + worker/activities, `DATABASE_URL`) may do to each table: only what their code does
 * (`INSERT … ON CONFLICT DO UPDATE` and `SELECT … FOR UPDATE` need UPDATE). The owner role (migrations and seeds,
 * `DATABASE_MIGRATION_URL`) applies this after every migration run, so this map is the truth: a new table gets its
 * entry here in the same change as its migration (test/e2e/db-privileges.e2e-spec.ts fails on a table without one and
 * on a statement in the code that its grants do not allow). Until then, tables created by a migration get
 * SELECT, INSERT, UPDATE, DELETE through the owner's default privileges (never TRUNCATE).
 */
export const APP_TABLE_PRIVILEGES: Record<string, readonly AppPrivilege[]> = {
  audit_log: SI, // append-only: never UPDATE, DELETE or TRUNCATE (and the trigger refuses them even for the owner)
  cases: SIU,
  employee_awards: SI,
  employees: SIU,
  evaluations: SIU,
  flow_versions: SIUD, // drafts are edited and deleted; published versions are immutable (trigger)
  import_progress: SIU,
  incidents: SIU,
  indicator_failures: SI, // P-6: a failing month's card is written once
  indicator_results: SIU,
  interviews: SIU,
  kpi_values: SIU, // K-9 imported indicator values: a corrected file replaces them
  ledger_entries: SI, // postings only; a correction is a new entry
  login_failures: SIUD,
  login_known_clients: SIU,
  meetings: SIU,
  migrations: ['SELECT'], // TypeORM's list of applied migrations: the app checks the schema is current
  month_locks: SI,
  notices: SI,
  notifications: SI,
  notification_outbox: SIU, // the dispatcher claims rows (FOR UPDATE SKIP LOCKED) and marks them sent or dead
  notification_preferences: SIU,
  notification_reads: SI,
  org_units: SIU,
  perception_months: SIU,
  perception_results: SID, // a month's run replaces its results until posted
  perception_unit_results: SIUD, // …and a posted month's P-5 order records its rectification case
  policy_versions: SIUD,
  quarterly_findings: SIU,
  quarterly_plans: SIU,
  quarterly_results: SIUD, // an analysis replaces the plan's results
  quarterly_values: SIU, // a later value replaces the earlier one (upsert)
  rectifications: SIU,
  satisfaction_scores: SIUD,
  scorecard_fines: SID, // K-5: a month's computation replaces them until posted
  scorecard_months: SIU,
  scorecard_results: SID, // K-9: a month's computation (and a review's return) replaces them
  service_fines: SIU, // K-8: registered, then approved or returned
  service_order_moves: SI, // K-1: each move, append-only
  service_order_tracking: SIU, // K-1: one value per tracking line, replaced when recorded again
  service_orders: SIU,
  settlement_rows: SID, // a settlement rewrites its rows until the month locks (trigger)
  settlements: SIU,
  simulation_changes: SID, // what-if results: written once per month of a run, deleted with the simulation
  simulation_months: SID,
  simulation_results: SID, // what-if star pay, repairer scores, scorecards: as simulation_changes
  simulations: SIUD,
  star_applications: SIU,
  star_campaigns: SIU,
  star_history: SI,
  star_holders: SIUD,
  star_june_exams: SIU,
  star_monthly: SI,
  star_reviews: SIU,
  tasks: SIU,
  throttle_buckets: SIUD, // login rate limit, shared by every api process; expired buckets swept
  training_assignments: SID,
  unit_ledger_entries: SI, // P-6 / P-3 unit deductions: postings only, once per (unit, month, reason)
  users: SIU,
  work_orders: SI,
};

/** What a table not (yet) in APP_TABLE_PRIVILEGES gets: the same as the owner's default privileges. */
export const APP_DEFAULT_TABLE_PRIVILEGES: readonly AppPrivilege[] = SIUD;

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** The role a postgres:// URL logs in as. */
export function roleOfUrl(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/**
 * Grants the app role exactly APP_TABLE_PRIVILEGES (everything else revoked) on the tables of schema public, USAGE on
 * their sequences, and default privileges for tables the connected role (the owner) creates later. Idempotent; run by
 * the owner in one transaction after the migrations.
 */
export async function grantAppPrivileges(ds: DataSource, appRole: string): Promise<void> {
  const role = quoteIdent(appRole);
  const tables: { name: string }[] = await ds.query(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const statements = [
    `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`,
    `REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${role}`,
    `GRANT USAGE ON SCHEMA public TO ${role}`,
    ...tables.map(
      ({ name }) =>
        `GRANT ${(APP_TABLE_PRIVILEGES[name] ?? APP_DEFAULT_TABLE_PRIVILEGES).join(', ')} ON TABLE public.${quoteIdent(name)} TO ${role}`,
    ),
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ${APP_DEFAULT_TABLE_PRIVILEGES.join(', ')} ON TABLES TO ${role}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${role}`,
  ];
  const q = ds.createQueryRunner(); // one connection: the statements form one transaction
  try {
    await q.connect();
    await q.startTransaction();
    for (const sql of statements) await q.query(sql);
    await q.commitTransaction();
  } catch (e) {
    if (q.isTransactionActive) await q.rollbackTransaction().catch(() => undefined);
    throw e;
  } finally {
    await q.release();
  }
}

/**
 * Why a connection must not be the app's: superuser, owner of a table of schema public (it could disable triggers or
 * drop the audit log), or allowed to UPDATE/DELETE/TRUNCATE the audit log. Empty for a proper app role.
 */
export async function appRoleProblems(q: DataSource): Promise<string[]> {
  const [r] = await q.query(
    `SELECT current_user AS role,
            (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
            (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public' AND pg_has_role(current_user, tableowner, 'USAGE')) AS owned,
            CASE WHEN to_regclass('public.audit_log') IS NULL THEN false
                 ELSE has_table_privilege('public.audit_log', 'UPDATE, DELETE, TRUNCATE') END AS audit_writable`,
  );
  const out: string[] = [];
  if (r.superuser) out.push(`connects as the superuser "${r.role}"`);
  else if (r.owned > 0) out.push(`connects as "${r.role}", which owns ${r.owned} tables (it could disable triggers)`);
  if (r.audit_writable && !r.superuser) out.push(`"${r.role}" may update or delete the audit log`);
  return out;
}
