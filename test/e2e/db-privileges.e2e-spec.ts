import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import {
  appendAudit,
  APP_TABLE_PRIVILEGES,
  appRoleProblems,
  createDataSource,
  pendingMigrations,
  roleOfUrl,
  setUpDatabase,
} from '@qf/persistence';
import { databaseUrl } from '@qf/runtime';
import { startTestStack, TestStack } from '../support/stack';

const ROOT = path.resolve(__dirname, '../..');
/** The code that runs as the app role (the seeds and migrations run as the owner). */
const APP_CODE = ['apps/api/src', 'apps/worker/src', 'activities/src', 'libs/persistence/src'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === 'migrations' ? [] : sources(file);
    return /\.ts$/.test(name) && !/\.(spec|test)\.ts$/.test(name) && name !== 'seed.ts' ? [file] : [];
  });
}

/** table → the privileges beyond SELECT the app code's SQL needs (INSERT, UPDATE for upserts and FOR UPDATE, DELETE). */
function privilegesUsedByCode(tables: Set<string>): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>();
  const need = (table: string, privilege: string) => {
    if (!tables.has(table)) return; // "DO UPDATE SET", "UPDATE or DELETE" in a comment … not a table
    if (!used.has(table)) used.set(table, new Set());
    used.get(table)!.add(privilege);
  };
  for (const file of APP_CODE.flatMap((d) => sources(path.join(ROOT, d)))) {
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([a-z_]+)"?/g)) {
      const table = m[2];
      const op = m[1].split(/\s+/)[0];
      need(table, op);
      if (op === 'INSERT') {
        const end = src.indexOf('`', m.index!); // the end of the SQL template literal
        if (/ON\s+CONFLICT[\s\S]*?DO\s+UPDATE/.test(src.slice(m.index!, end < 0 ? undefined : end)))
          need(table, 'UPDATE');
      }
    }
    // a bulk load (`COPY t (…) FROM STDIN`) needs INSERT
    for (const m of src.matchAll(/\bCOPY\s+"?([a-z_]+)"?[^`]*?\bFROM\s+STDIN/g)) need(m[1], 'INSERT');
    for (const m of src.matchAll(/FOR\s+(NO\s+KEY\s+)?UPDATE|FOR\s+(KEY\s+)?SHARE/g)) {
      const before = src.slice(Math.max(0, m.index! - 400), m.index!);
      const from = [...before.matchAll(/\bFROM\s+"?([a-z_]+)"?/g)].pop();
      if (from) need(from[1], 'UPDATE');
    }
  }
  return used;
}

/** Issue 12: the app runs as a role that cannot touch the audit trail beyond appending to it. */
describe('database privileges of the app role', () => {
  let s: TestStack;
  let app: DataSource;
  beforeAll(async () => {
    s = await startTestStack({}, { worker: false });
    app = s.ds; // the api's own DataSource, from the app's connection settings (DATABASE_URL)
  });
  afterAll(async () => {
    await s?.stop();
  });

  it('connects as its own role: not a superuser, owner of no table, not the migrations role', async () => {
    const [me] = await app.query(
      `SELECT current_user AS role, r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls, r.rolreplication,
              (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public' AND pg_has_role(current_user, tableowner, 'USAGE')) AS owned
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(me.role).toBe(roleOfUrl(databaseUrl(s.env)));
    expect(me.role).not.toBe(roleOfUrl(s.env.DATABASE_MIGRATION_URL!));
    expect(me).toMatchObject({
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolbypassrls: false,
      rolreplication: false,
      owned: 0,
    });
    expect(await appRoleProblems(app)).toEqual([]);
  });

  it('cannot switch the audit trigger off: session_replication_role and DISABLE TRIGGER are refused', async () => {
    await expect(app.query(`SET session_replication_role = replica`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`ALTER TABLE audit_log DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner/);
    await expect(app.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`)).rejects.toThrow(
      /must be owner/,
    );
    await expect(app.query(`DROP TRIGGER audit_log_no_update ON audit_log`)).rejects.toThrow(/must be owner/);
    await expect(
      app.query(
        `CREATE OR REPLACE FUNCTION qf_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`,
      ),
    ).rejects.toThrow(/must be owner|permission denied/);
    await expect(app.query(`CREATE TABLE probe_table (id int)`)).rejects.toThrow(/permission denied for schema public/);
  });

  it('may append to and read the audit log, never change it: UPDATE, DELETE and TRUNCATE are permission denied', async () => {
    const key = `db-privileges-${Date.now()}`;
    expect(
      await appendAudit(app, {
        actor: { name: 'system' },
        action: 'probe.appended',
        entity: 'probe',
        idempotencyKey: key,
      }),
    ).toBe(true);
    const [row] = await app.query(`SELECT id, action FROM audit_log WHERE idempotency_key = $1`, [key]);
    expect(row.action).toBe('probe.appended');
    await expect(app.query(`UPDATE audit_log SET actor = 'x' WHERE id = $1`, [row.id])).rejects.toThrow(
      /permission denied for table audit_log/,
    );
    await expect(app.query(`DELETE FROM audit_log WHERE id = $1`, [row.id])).rejects.toThrow(
      /permission denied for table audit_log/,
    );
    await expect(app.query(`TRUNCATE audit_log`)).rejects.toThrow(/permission denied for table audit_log/);
    const [still] = await app.query(`SELECT actor FROM audit_log WHERE id = $1`, [row.id]);
    expect(still.actor).toBe('system');
  });

  it('holds exactly the grants of APP_TABLE_PRIVILEGES on every table, and those are what the code uses', async () => {
    const rows: { t: string; p: string; ok: boolean }[] = await app.query(
      `SELECT t.tablename AS t, p.p, has_table_privilege(quote_ident(t.tablename), p.p) AS ok
         FROM pg_tables t CROSS JOIN unnest(ARRAY['SELECT','INSERT','UPDATE','DELETE','TRUNCATE','REFERENCES','TRIGGER']) AS p(p)
        WHERE t.schemaname = 'public'`,
    );
    const tables = new Set(rows.map((r) => r.t));
    const granted = new Map<string, string[]>();
    for (const r of rows) if (r.ok) granted.set(r.t, [...(granted.get(r.t) ?? []), r.p]);
    // every table has an entry (a new table gets one in the change that creates it), and the grants are exactly it
    expect([...tables].filter((t) => !APP_TABLE_PRIVILEGES[t])).toEqual([]);
    for (const t of tables)
      expect([t, (granted.get(t) ?? []).sort()]).toEqual([t, [...APP_TABLE_PRIVILEGES[t]].sort()]);
    // what the code writes (api, worker, activities, persistence; not the seeds, which run as the owner)
    const used = privilegesUsedByCode(tables);
    for (const t of tables) {
      const inMap = APP_TABLE_PRIVILEGES[t].filter((p) => p !== 'SELECT').sort();
      expect([t, inMap]).toEqual([t, [...(used.get(t) ?? [])].sort()]);
    }
    expect(used.get('audit_log')).toEqual(new Set(['INSERT']));
  });

  it('without DATABASE_MIGRATION_URL the app runs no migration: it checks the schema is current and starts', async () => {
    expect(await pendingMigrations(app)).toEqual([]);
    const own = await createDataSource(databaseUrl(s.env), { poolSize: 1 }).initialize();
    try {
      await expect(setUpDatabase(own, { ...s.env, DATABASE_MIGRATION_URL: undefined })).resolves.toEqual([]);
    } finally {
      await own.destroy();
    }
  });

  it('the owner connection (migrations) is reported as unfit for the app', async () => {
    const owner = await createDataSource(s.env.DATABASE_MIGRATION_URL!, { poolSize: 1 }).initialize();
    try {
      expect((await appRoleProblems(owner)).join(' ')).toMatch(/owns \d+ tables/);
    } finally {
      await owner.destroy();
    }
  });
});
