import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASELINE_MIGRATION, SQUASHED_MIGRATIONS } from "@/lib/db/baseline";
import { applyMigrations, createMigration, defaultMigrationsDir, defaultSchemaPath, defaultSqlDir, type CreatedMigration } from "@/lib/db/migrate";
import { changedRepeatableFiles, readRepeatableFiles, repeatableBlock } from "@/lib/db/repeatable-sql";

type Row = Record<string, unknown>;

let tmp: string;
let migrationsDir: string; // a copy of prisma/migrations that gains a second migration
let schemaPath: string; // prisma/schema.prisma plus one column
let model: string;
let applied: string[]; // the migrations in prisma/migrations
let next: Promise<CreatedMigration | null> | undefined;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "entas-migrate-"));
  migrationsDir = path.join(tmp, "migrations");
  await cp(defaultMigrationsDir, migrationsDir, { recursive: true });
  applied = await migrationFolders(defaultMigrationsDir);
  const schema = await readFile(defaultSchemaPath, "utf8");
  model = /^model (\w+) \{$/m.exec(schema)![1]!;
  schemaPath = path.join(tmp, "schema.prisma");
  await writeFile(schemaPath, schema.replace(`model ${model} {\n`, `model ${model} {\n  migrateTestNote String?\n`));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function migrationFolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** The migration that adds the column, written once into the copied folder. */
async function nextMigration(): Promise<CreatedMigration> {
  next ??= createMigration("add note", { migrationsDir, schemaPath });
  const created = await next;
  if (!created) throw new Error("no migration was created for the changed schema");
  return created;
}

/**
 * prisma/migrations plus a migration with ";" inside a string and a $$ body (`ok`), and that
 * plus a failing one (`bad`): each migration must run as one script, in one transaction.
 */
async function scriptMigrations(): Promise<{ ok: string; bad: string }> {
  const ok = path.join(tmp, "scripts-ok");
  const bad = path.join(tmp, "scripts-bad");
  const write = async (dir: string, name: string, sql: string) => {
    await mkdir(path.join(dir, name), { recursive: true });
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  };
  if (!existsSync(bad)) {
    await cp(defaultMigrationsDir, ok, { recursive: true });
    await write(ok, "29990101000000_semicolons", semicolonsSql);
    await cp(ok, bad, { recursive: true });
    await write(bad, "29990102000000_broken", "CREATE TABLE half_done (id int);\nSELEC broken;\n");
  }
  return { ok, bad };
}

const semicolonsSql = `CREATE TABLE semicolons (v text DEFAULT 'a;b');
CREATE FUNCTION semicolons_f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END; $$;
`;
const scriptsCheckSql = `SELECT semicolons_f() AS f, to_regclass('half_done') IS NULL AS rolled_back,
  (SELECT logs FROM _prisma_migrations WHERE migration_name = '29990102000000_broken' AND finished_at IS NULL) AS logs`;

async function expectScriptsRunWhole(apply: (dir: string) => Promise<string[]>, query: (sql: string) => Promise<Row[]>) {
  const { ok, bad } = await scriptMigrations();
  expect(await apply(ok)).toContain("29990101000000_semicolons");
  await expect(apply(bad)).rejects.toThrow(/syntax error at or near "SELEC"/);
  await expect(apply(bad)).rejects.toThrow(/failed migrations/);
  const [row] = await query(scriptsCheckSql);
  expect(row).toMatchObject({ f: 1, rolled_back: true, logs: expect.stringContaining("SELEC") });
}

/** `_prisma_migrations` as `prisma migrate deploy` leaves it. */
async function expectRecorded(rows: Row[], dir: string) {
  const names = await migrationFolders(dir);
  expect(rows.map((row) => row.migration_name)).toEqual(names);
  for (const row of rows) {
    const sql = await readFile(path.join(dir, String(row.migration_name), "migration.sql"));
    expect(row).toMatchObject({
      checksum: createHash("sha256").update(sql).digest("hex"),
      logs: null,
      rolled_back_at: null,
      applied_steps_count: 1,
    });
    expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(row.started_at).toBeInstanceOf(Date);
    expect(row.finished_at).toBeInstanceOf(Date);
  }
}

/**
 * The functions and triggers the repeatable files (prisma/sql) define: on a freshly migrated
 * database, running every file again changes none of them (so the files are what the
 * migrations left, no migration redefined a function since), every entas_ function and every
 * trigger of the database is defined by a file, and every function and trigger of a file exists.
 */
async function expectRepeatableFilesAreTheTruth(exec: (sql: string) => Promise<unknown>, query: (sql: string) => Promise<Row[]>) {
  const routines = () =>
    query(`SELECT p.oid::regprocedure::text AS signature, pg_get_functiondef(p.oid) AS definition, p.proacl::text AS acl
             FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = current_schema() AND p.proname LIKE 'entas\\_%' ORDER BY 1`);
  const triggers = () =>
    query(`SELECT tgrelid::regclass::text AS "table", tgname AS name, pg_get_triggerdef(oid) AS definition
             FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1, 2`);
  const before = { routines: await routines(), triggers: await triggers() };
  const files = await readRepeatableFiles(defaultSqlDir);
  for (const file of files) await exec(file.sql);
  expect({ routines: await routines(), triggers: await triggers() }).toEqual(before);

  const defined = (pattern: RegExp) => new Set(files.flatMap((file) => [...file.sql.matchAll(pattern)].map((m) => m[1]!)));
  const functions = defined(/^CREATE OR REPLACE FUNCTION (\w+)\(/gm);
  const triggerNames = defined(/^CREATE TRIGGER (\w+) /gm);
  expect(new Set(before.routines.map((r) => String(r.signature).split("(")[0]))).toEqual(functions);
  expect(new Set(before.triggers.map((t) => String(t.name)))).toEqual(triggerNames);
  // Every file is idempotent as written: a trigger is dropped before it is made again.
  for (const file of files) {
    for (const [, name] of file.sql.matchAll(/^CREATE TRIGGER (\w+) /gm)) expect(file.sql, file.name).toContain(`DROP TRIGGER IF EXISTS ${name} ON `);
    expect(file.sql, file.name).not.toMatch(/^CREATE FUNCTION /m);
  }
}

const recordedSql = "SELECT * FROM _prisma_migrations ORDER BY migration_name";
const noteColumnSql = `SELECT 1 FROM information_schema.columns WHERE table_name = $1 AND column_name = 'migrateTestNote'`;

describe("migrations on PGlite", () => {
  const db = new PGlite();
  afterAll(() => db.close());

  it("applies the first migration to an empty database", async () => {
    expect(await applyMigrations(db)).toEqual(applied);
    await expectRecorded((await db.query<Row>(recordedSql)).rows, defaultMigrationsDir);
    const tables = await db.query<Row>(`SELECT 1 FROM information_schema.tables WHERE table_schema = 'public'`);
    expect(tables.rows.length).toBeGreaterThan(1);
  });

  it("applies without pg_trgm (a PGlite opened without it): no trigram index, the name function still answers", async () => {
    expect((await db.query(`SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'`)).rows).toHaveLength(0);
    expect((await db.query(`SELECT 1 FROM pg_indexes WHERE indexname = 'Member_name_trgm_idx'`)).rows).toHaveLength(0);
    // Outside any tenant it answers nothing; inside one, registry-search.test.ts checks it.
    expect((await db.query(`SELECT entas_member_households_named('any-city', '%budi%', 10) AS id`)).rows).toEqual([]);
  });

  it("applies nothing the second time", async () => {
    expect(await applyMigrations(db)).toEqual([]);
    expect((await db.query(recordedSql)).rows).toHaveLength(applied.length);
  });

  it("holds every function and trigger as the repeatable files of prisma/sql define them", async () => {
    await expectRepeatableFilesAreTheTruth(
      (sql) => db.exec(sql),
      async (sql) => (await db.query<Row>(sql)).rows,
    );
  });

  it("writes no migration when the schema matches the migrations", async () => {
    const dir = path.join(tmp, "unchanged");
    await cp(defaultMigrationsDir, dir, { recursive: true });
    const created = await createMigration("nothing", { migrationsDir: dir });
    expect(created?.sql, "prisma/schema.prisma has changes without a migration").toBeUndefined();
    expect(await migrationFolders(dir)).toEqual(applied);
  });

  it("writes only the change as the next migration, and applies it", async () => {
    const created = await nextMigration();
    expect(created.name).toMatch(/^\d{14}_add_note$/);
    expect(created.name > applied.at(-1)!).toBe(true);
    expect(created.sql.trim()).toBe(`-- AlterTable\nALTER TABLE "${model}" ADD COLUMN     "migrateTestNote" TEXT;`);
    expect(await readFile(created.file, "utf8")).toBe(created.sql);

    expect(await applyMigrations(db, { migrationsDir })).toEqual([created.name]);
    await expectRecorded((await db.query<Row>(recordedSql)).rows, migrationsDir);
    expect((await db.query(noteColumnSql, [model])).rows).toHaveLength(1);
    expect(await createMigration("again", { migrationsDir, schemaPath })).toBeNull();
  });

  it("carries a repeatable file changed since the migrations last included it into the next migration", async () => {
    const dir = path.join(tmp, "repeatable-migrations");
    const sqlDir = path.join(tmp, "repeatable-sql");
    await cp(defaultMigrationsDir, dir, { recursive: true });
    await cp(defaultSqlDir, sqlDir, { recursive: true });
    const changed = path.join(sqlDir, "summaries", "loan-rounds.sql");
    await writeFile(changed, `${await readFile(changed, "utf8")}\n-- A rule written since.\n`);

    const created = await createMigration("loan rounds", { migrationsDir: dir, sqlDir });
    expect(created?.repeatable).toEqual(["summaries/loan-rounds.sql"]);
    const files = await readRepeatableFiles(sqlDir);
    const file = files.find((f) => f.name === "summaries/loan-rounds.sql")!;
    // No schema change: the migration is the file's content, between its marker lines.
    expect(created?.sql).toBe(repeatableBlock(file));
    // Once a migration includes it, the file counts as applied; the others were already.
    const migrations = await Promise.all((await migrationFolders(dir)).map((name) => readFile(path.join(dir, name, "migration.sql"), "utf8")));
    expect(changedRepeatableFiles(files, migrations)).toEqual([]);
    expect(changedRepeatableFiles(files, migrations.slice(0, -1)).map((f) => f.name)).toEqual(["summaries/loan-rounds.sql"]);
  }, 180_000);

  it("starts a new migrations folder with Prisma's lockfile", async () => {
    const fresh = path.join(tmp, "fresh");
    const created = await createMigration("init", { migrationsDir: fresh });
    expect(created?.name).toMatch(/^\d{14}_init$/);
    expect(created?.sql).toContain(`CREATE TABLE "${model}"`);
    expect(await readFile(path.join(fresh, "migration_lock.toml"), "utf8")).toBe(
      await readFile(path.join(defaultMigrationsDir, "migration_lock.toml"), "utf8"),
    );
  });

  it("runs each migration as one script and records a failed one as failed", async () => {
    const other = new PGlite();
    try {
      await expectScriptsRunWhole(
        (dir) => applyMigrations(other, { migrationsDir: dir }),
        async (sql) => (await other.query<Row>(sql)).rows,
      );
    } finally {
      await other.close();
    }
  });

  it("records the baseline as applied, without running it, where the migrations it replaces ran", async () => {
    const old = new PGlite();
    const query = async (sql: string, params?: unknown[]) => (await old.query<Row>(sql, params)).rows;
    // Such a database has the baseline's schema; migrations written after the squash are still to come.
    const upToBaseline = { migrationsDir: path.join(tmp, "up-to-baseline") };
    await mkdir(upToBaseline.migrationsDir);
    await cp(path.join(defaultMigrationsDir, BASELINE_MIGRATION), path.join(upToBaseline.migrationsDir, BASELINE_MIGRATION), { recursive: true });
    await cp(path.join(defaultMigrationsDir, "migration_lock.toml"), path.join(upToBaseline.migrationsDir, "migration_lock.toml"));
    try {
      await applyMigrations(old, upToBaseline);
      const schema = () => query(`SELECT p.proname, pg_get_functiondef(p.oid) AS def FROM pg_proc p WHERE p.proname LIKE 'entas\\_%' ORDER BY 1`);
      const before = await schema();
      // The history of a database migrated before the squash; the baseline's tables exist,
      // so running it would fail.
      const history = async (names: readonly string[]) => {
        await query(`DELETE FROM _prisma_migrations`);
        await query(
          `INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count)
           SELECT gen_random_uuid()::text, md5(name), name, now(), 1 FROM unnest($1::text[]) AS name`,
          [names],
        );
      };
      await history(SQUASHED_MIGRATIONS.slice(0, -1));
      await expect(applyMigrations(old, upToBaseline)).rejects.toThrow(
        /applied 22 of the 23 migrations that .* replaces \(missing: 20261124110005_enum_equality_leakproof\)/,
      );

      await history(SQUASHED_MIGRATIONS);
      const notices: string[] = [];
      expect(await applyMigrations(old, { ...upToBaseline, notice: (message) => notices.push(message) })).toEqual([]);
      expect(notices).toEqual([expect.stringContaining(`recorded ${BASELINE_MIGRATION} as applied without running it`)]);
      const rows = await query(recordedSql);
      expect(rows.map((row) => row.migration_name)).toEqual([...SQUASHED_MIGRATIONS, BASELINE_MIGRATION]);
      const sql = await readFile(path.join(defaultMigrationsDir, BASELINE_MIGRATION, "migration.sql"));
      expect(rows.at(-1)).toMatchObject({ checksum: createHash("sha256").update(sql).digest("hex"), applied_steps_count: 0, rolled_back_at: null });
      expect(rows.at(-1)!.finished_at).toBeInstanceOf(Date);
      expect(await schema()).toEqual(before);
      expect(await applyMigrations(old, upToBaseline)).toEqual([]);
      expect(await applyMigrations(old)).toEqual(applied.filter((name) => name > BASELINE_MIGRATION));
    } finally {
      await old.close();
    }
  }, 180_000);

  it("migrates a PGlite folder and closes it", async () => {
    const { name } = await nextMigration();
    const dir = path.join(tmp, "pglite", "data");
    expect(await applyMigrations({ kind: "pglite", dir }, { migrationsDir })).toEqual([...applied, name]);
    const reopened = new PGlite(dir);
    try {
      await expectRecorded((await reopened.query<Row>(recordedSql)).rows, migrationsDir);
    } finally {
      await reopened.close();
    }
    expect(await applyMigrations({ kind: "pglite", dir }, { migrationsDir })).toEqual([]);
  });
});

const serverUrl = process.env.DATABASE_URL?.trim();

// Registered only where a PostgreSQL server is given (CI always gives one); a newcomer's
// machine without a server runs the PGlite half above.
if (serverUrl)
  describe("migrations on PostgreSQL", () => {
    const name = `entas_migrate_${randomUUID().replace(/-/g, "")}`;
    let url: string;
    let client: pg.Client;

    async function admin(sql: string) {
      const conn = new pg.Client({ connectionString: serverUrl });
      await conn.connect();
      try {
        await conn.query(sql);
      } finally {
        await conn.end();
      }
    }

    beforeAll(async () => {
      await admin(`CREATE DATABASE "${name}"`);
      const parsed = new URL(serverUrl!);
      parsed.pathname = `/${name}`;
      url = parsed.toString();
      client = new pg.Client({ connectionString: url });
      await client.connect();
    });

    afterAll(async () => {
      await client?.end();
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });

    it("applies the first migration once", async () => {
      expect(await applyMigrations({ kind: "postgres", url })).toEqual(applied);
      expect(await applyMigrations({ kind: "postgres", url })).toEqual([]);
      await expectRecorded((await client.query<Row>(recordedSql)).rows, defaultMigrationsDir);
    });

    it("holds every function and trigger as the repeatable files of prisma/sql define them", async () => {
      await expectRepeatableFilesAreTheTruth(
        (sql) => client.query(sql),
        async (sql) => (await client.query<Row>(sql)).rows,
      );
    });

    it("runs each migration as one script and records a failed one as failed", async () => {
      const other = `${name}_scripts`;
      await admin(`CREATE DATABASE "${other}"`);
      const otherUrl = Object.assign(new URL(url), { pathname: `/${other}` }).toString();
      const conn = new pg.Client({ connectionString: otherUrl });
      await conn.connect();
      try {
        await expectScriptsRunWhole(
          (dir) => applyMigrations({ kind: "postgres", url: otherUrl }, { migrationsDir: dir }),
          async (sql) => (await conn.query<Row>(sql)).rows,
        );
      } finally {
        await conn.end();
        await admin(`DROP DATABASE IF EXISTS "${other}" WITH (FORCE)`);
      }
    });

    it("applies the next migration", async () => {
      const { name } = await nextMigration();
      expect(await applyMigrations({ kind: "postgres", url }, { migrationsDir })).toEqual([name]);
      await expectRecorded((await client.query<Row>(recordedSql)).rows, migrationsDir);
      expect((await client.query(noteColumnSql, [model])).rows).toHaveLength(1);
    });
  });
