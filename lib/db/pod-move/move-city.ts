// Moving a city from one PostgreSQL server ("pod", lib/db/pods.ts) to another, while it is
// read-only (lib/actions/city-moving.ts). The steps, and what each leaves behind if it fails:
//  1. refuse what cannot move: an unknown city or pod, the pod it is on, a city already moving,
//     a target already holding rows of the city;
//  2. mark it moving, in the directory (main pod) and on its own pod; refuse, unmarked again,
//     while it has background jobs waiting or running;
//  3. in one transaction on the target, with triggers off (session_replication_role = replica):
//     copy its Tenant row, then every table with a "tenantId" column in foreign-key order (read
//     from the catalog), streamed by COPY; then recount its summaries with the triggers on, and
//     compare every table, row count and content, with the source as it is now. A difference (a
//     copy gone wrong, a write that slipped past the guard) rolls the target back and unmarks;
//  4. flip the directory to the target and unmark; then delete the city from the source.
import pg from "pg";
import type { DatabaseTarget } from "../adapter";
import { POD_CACHE_MS } from "../pod-scopes";
import { MAIN_POD, podTargets } from "../pods";
import { type CityCatalog, quoteIdent, readCityCatalog } from "./catalog";
import { copyCityRows } from "./copy-table";
import { fingerprint } from "./fingerprint";
import { rebuildSummaries } from "./summaries";

export type MoveCityOptions = {
  slug: string;
  /** The pod's name: "main" or one named in DATABASE_PODS. */
  to: string;
  env?: Record<string, string | undefined>;
  log?: (line: string) => void;
  /** Runs once the copy is in, before the comparison (tests write to the source here). */
  afterCopy?: () => Promise<void>;
  /** Runs once the directory names the new pod, while the city is still read-only (tests write here). */
  afterFlip?: () => Promise<void>;
};

export type MoveCityResult = { tenantId: string; from: string; to: string; rows: Record<string, number>; seconds: number };

export type MoveRefusal = "unknown-city" | "unknown-pod" | "same-pod" | "moving" | "target-holds-city" | "jobs-running" | "schema-differs" | "mismatch";

export class MoveRefusedError extends Error {
  constructor(
    readonly reason: MoveRefusal,
    message: string,
  ) {
    super(message);
    this.name = "MoveRefusedError";
  }
}

type City = { id: string; pod: string; movingSince: Date | null };

export async function moveCity(options: MoveCityOptions): Promise<MoveCityResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const pods = podTargets(options.env ?? process.env, { direct: true });
  const directory = await connect(pods.get(MAIN_POD)!);
  const opened: pg.Client[] = [directory];
  try {
    const city = await findCity(directory, options.slug);
    const from = city.pod;
    if (!pods.has(options.to)) throw new MoveRefusedError("unknown-pod", `no pod "${options.to}" (pods: ${[...pods.keys()].join(", ")})`);
    if (!pods.has(from)) throw new MoveRefusedError("unknown-pod", `${options.slug} is on pod "${from}", which DATABASE_PODS does not name`);
    if (from === options.to) throw new MoveRefusedError("same-pod", `${options.slug} is already on pod "${from}"`);
    if (city.movingSince) throw new MoveRefusedError("moving", `${options.slug} has been moving since ${city.movingSince.toISOString()}`);

    const source = from === MAIN_POD ? directory : await connect(pods.get(from)!);
    const target = await connect(pods.get(options.to)!);
    opened.push(...[source, target].filter((client) => client !== directory));
    const catalog = await readCityCatalog(source);
    await refuseOtherSchema(catalog, await readCityCatalog(target));
    const keepsTenantRow = options.to === MAIN_POD;
    await refuseTargetHolding(target, catalog, city.id, keepsTenantRow);

    const ends = { directory, source, target, tenantId: city.id, sourceIsMain: from === MAIN_POD, targetIsMain: keepsTenantRow };
    await markMoving(ends);
    log(`${options.slug}: marked moving (${from} → ${options.to})`);
    let rows: Record<string, number>;
    try {
      await refuseRunningJobs(source, city.id);
      rows = await copyCity(ends, catalog, options, log);
    } catch (error) {
      await unmark(ends).catch(() => undefined);
      throw error;
    }
    try {
      await finish(ends, options.to, options.afterFlip);
    } catch (error) {
      await deleteCity(target, catalog, city.id, { keepTenantRow: keepsTenantRow }).catch(() => undefined);
      await unmark(ends).catch(() => undefined);
      throw error;
    }
    log(`${options.slug}: the directory says ${options.to}`);
    try {
      await deleteCity(source, catalog, city.id, { keepTenantRow: from === MAIN_POD });
    } catch (error) {
      throw new Error(`${options.slug} now lives on ${options.to}, but its rows on ${from} could not be deleted`, { cause: error });
    }
    log(`${options.slug}: deleted from ${from}`);
    return { tenantId: city.id, from, to: options.to, rows, seconds: (performance.now() - started) / 1000 };
  } finally {
    await Promise.all(opened.map((client) => client.end().catch(() => undefined)));
  }
}

type Ends = { directory: pg.Client; source: pg.Client; target: pg.Client; tenantId: string; sourceIsMain: boolean; targetIsMain: boolean };

async function connect(target: DatabaseTarget): Promise<pg.Client> {
  if (target.kind !== "postgres") throw new Error("moving a city needs PostgreSQL pods (DATABASE_URL)");
  // The same text of timestamps on both sides: the comparison hashes rows as text.
  const client = new pg.Client({ connectionString: target.url, options: "-c TimeZone=UTC -c statement_timeout=0" });
  await client.connect();
  return client;
}

async function findCity(directory: pg.Client, slug: string): Promise<City> {
  const { rows } = await directory.query<City>(`SELECT id, pod, "movingSince" FROM "Tenant" WHERE slug = $1`, [slug]);
  if (!rows[0]) throw new MoveRefusedError("unknown-city", `no city "${slug}" in the directory`);
  return rows[0];
}

async function refuseOtherSchema(source: CityCatalog, target: CityCatalog): Promise<void> {
  const shape = (catalog: CityCatalog) => JSON.stringify(catalog.tables.map((table) => [table.name, table.columns]));
  if (shape(source) !== shape(target)) throw new MoveRefusedError("schema-differs", "the two pods' tables differ: apply the migrations to every pod first");
}

async function refuseTargetHolding(target: pg.Client, catalog: CityCatalog, tenantId: string, keepsTenantRow: boolean): Promise<void> {
  const tables = catalog.tables.filter((table) => !(keepsTenantRow && table.directory)).map((table) => table.name);
  const holding: string[] = [];
  if (!keepsTenantRow && (await target.query(`SELECT 1 FROM "Tenant" WHERE id = $1`, [tenantId])).rowCount) holding.push("Tenant");
  for (const table of tables) {
    if ((await target.query(`SELECT 1 FROM ${quoteIdent(table)} WHERE "tenantId" = $1 LIMIT 1`, [tenantId])).rowCount) holding.push(table);
  }
  if (holding.length > 0) throw new MoveRefusedError("target-holds-city", `the target pod already holds rows of the city in ${holding.join(", ")}`);
}

/** Marks the directory first (where "already moving" is decided), then the city's own pod. */
async function markMoving(ends: Ends): Promise<void> {
  await setMoving(ends.directory, ends.tenantId, true);
  if (ends.sourceIsMain) return;
  try {
    await setMoving(ends.source, ends.tenantId, true);
  } catch (error) {
    await setMoving(ends.directory, ends.tenantId, false).catch(() => undefined);
    throw error;
  }
}

async function unmark(ends: Ends): Promise<void> {
  if (!ends.sourceIsMain) await setMoving(ends.source, ends.tenantId, false);
  await setMoving(ends.directory, ends.tenantId, false);
}

/** FOR UPDATE waits for the writes holding the row (lib/actions/city-moving.ts) to commit. */
async function setMoving(client: pg.Client, tenantId: string, moving: boolean): Promise<void> {
  await inTransaction(client, async () => {
    const { rows } = await client.query<{ movingSince: Date | null }>(`SELECT "movingSince" FROM "Tenant" WHERE id = $1 FOR UPDATE`, [tenantId]);
    if (moving && rows[0]?.movingSince) throw new MoveRefusedError("moving", "the city is already being moved");
    await client.query(`UPDATE "Tenant" SET "movingSince" = ${moving ? "now()" : "NULL"} WHERE id = $1`, [tenantId]);
  });
}

async function refuseRunningJobs(source: pg.Client, tenantId: string): Promise<void> {
  const { rows } = await source.query<{ n: string }>(`SELECT count(*) AS n FROM "BackgroundJob" WHERE "tenantId" = $1 AND state IN ('QUEUED', 'RUNNING')`, [
    tenantId,
  ]);
  const jobs = Number(rows[0]!.n);
  if (jobs > 0) throw new MoveRefusedError("jobs-running", `the city has ${jobs} background job(s) waiting or running: move it once they end`);
}

async function copyCity(ends: Ends, catalog: CityCatalog, options: MoveCityOptions, log: (line: string) => void): Promise<Record<string, number>> {
  const { source, target, tenantId } = ends;
  const rows: Record<string, number> = {};
  await source.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  await target.query("BEGIN");
  try {
    await target.query("SET LOCAL session_replication_role = replica");
    if (!ends.targetIsMain) {
      const { rows: tenantColumns } = await source.query<{ name: string }>(
        `SELECT attname AS name FROM pg_attribute WHERE attrelid = '"Tenant"'::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
      );
      await copyCityRows(
        source,
        target,
        "Tenant",
        tenantColumns.map((column) => column.name),
        "id",
        tenantId,
      );
    }
    for (const table of catalog.tables) {
      if (ends.targetIsMain && table.directory) continue;
      const at = performance.now();
      rows[table.name] = await copyCityRows(source, target, table.name, table.columns, "tenantId", tenantId);
      log(`  ${table.name.padEnd(28)} ${String(rows[table.name]).padStart(9)} rows  ${((performance.now() - at) / 1000).toFixed(1)} s`);
    }
    await source.query("COMMIT");
    // Without statistics the planner takes the copied tables for empty, and a recount that takes
    // seconds runs for many minutes; ANALYZE counts the transaction's own rows.
    await analyze(target, catalog);
    await target.query("SET LOCAL session_replication_role = origin");
    const at = performance.now();
    await rebuildSummaries(target, tenantId);
    log(`  summaries rebuilt  ${((performance.now() - at) / 1000).toFixed(1)} s`);
    await advanceSequences(target, catalog);
    await options.afterCopy?.();
    await compare(source, target, catalog, tenantId);
    await target.query("COMMIT");
  } catch (error) {
    await source.query("ROLLBACK").catch(() => undefined);
    await target.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
  await analyze(target, catalog);
  return rows;
}

async function analyze(client: pg.Client, catalog: CityCatalog): Promise<void> {
  for (const table of catalog.tables) await client.query(`ANALYZE ${quoteIdent(table.name)}`);
}

/** A copied value taken from a sequence (AuditLog.id) must not be handed out again on the target. */
async function advanceSequences(target: pg.Client, catalog: CityCatalog): Promise<void> {
  for (const table of catalog.tables) {
    for (const column of table.sequenced) {
      const { rows } = await target.query<{ seq: string }>(`SELECT pg_get_serial_sequence($1, $2) AS seq`, [quoteIdent(table.name), column]);
      const sequence = rows[0]!.seq;
      await target.query(
        `SELECT setval($1, m) FROM (SELECT max(${quoteIdent(column)}) AS m FROM ${quoteIdent(table.name)}) x WHERE m >= (SELECT last_value FROM ${sequence})`,
        [sequence],
      );
    }
  }
}

/** Every table of the city, on the target (in its transaction) against the source as it is now. */
async function compare(source: pg.Client, target: pg.Client, catalog: CityCatalog, tenantId: string): Promise<void> {
  const differences: string[] = [];
  for (const table of catalog.tables) {
    const [was, is] = [await fingerprint(source, table.name, tenantId), await fingerprint(target, table.name, tenantId)];
    if (was.rows !== is.rows) differences.push(`${table.name}: ${was.rows} rows on the source, ${is.rows} on the target`);
    else if (was.hash !== is.hash) differences.push(`${table.name}: the rows differ`);
  }
  if (differences.length > 0) throw new MoveRefusedError("mismatch", `the copy differs from the source, nothing was moved:\n  ${differences.join("\n  ")}`);
}

/**
 * The directory names the target, the city still read-only on both pods; once every process's
 * remembered pod has expired (POD_CACHE_MS), no request can reach the old pod: the city is made
 * writable on the target, then in the directory. Until then a process that still sends the city's
 * work to the old pod reads the city whole there, and any write is refused on both.
 */
async function finish(ends: Ends, to: string, afterFlip?: () => Promise<void>): Promise<void> {
  if (!ends.targetIsMain) await ends.target.query(`UPDATE "Tenant" SET pod = $2 WHERE id = $1`, [ends.tenantId, to]);
  await ends.directory.query(`UPDATE "Tenant" SET pod = $2 WHERE id = $1`, [ends.tenantId, to]);
  await afterFlip?.();
  await new Promise((resolve) => setTimeout(resolve, POD_CACHE_MS + 1_000));
  if (!ends.targetIsMain) await ends.target.query(`UPDATE "Tenant" SET "movingSince" = NULL WHERE id = $1`, [ends.tenantId]);
  await ends.directory.query(`UPDATE "Tenant" SET "movingSince" = NULL WHERE id = $1`, [ends.tenantId]);
}

/**
 * Deletes every row of the city from one pod, children first, with triggers off (the summaries
 * go as tables of their own), and the rows of other tables that point at them (a user's sign-in
 * throttles). `keepTenantRow`: on the main pod, the directory's row stays.
 */
export async function deleteCity(client: pg.Client, catalog: CityCatalog, tenantId: string, options: { keepTenantRow: boolean }): Promise<void> {
  // Only the main pod keeps the Tenant row, and with it the directory's rows of the city.
  const kept = new Set(options.keepTenantRow ? catalog.tables.filter((table) => table.directory).map((table) => table.name) : []);
  await inTransaction(client, async () => {
    await client.query("SET LOCAL session_replication_role = replica");
    for (const dependent of catalog.dependents) {
      if (kept.has(dependent.parent)) continue;
      const columns = dependent.columns.map(quoteIdent).join(", ");
      await client.query(
        `DELETE FROM ${quoteIdent(dependent.table)} WHERE (${columns}) IN (SELECT ${dependent.parentColumns.map(quoteIdent).join(", ")} FROM ${quoteIdent(dependent.parent)} WHERE "tenantId" = $1)`,
        [tenantId],
      );
    }
    for (const table of [...catalog.tables].reverse()) {
      if (!kept.has(table.name)) await client.query(`DELETE FROM ${quoteIdent(table.name)} WHERE "tenantId" = $1`, [tenantId]);
    }
    if (!options.keepTenantRow) await client.query(`DELETE FROM "Tenant" WHERE id = $1`, [tenantId]);
  });
}

async function inTransaction(client: pg.Client, fn: () => Promise<void>): Promise<void> {
  await client.query("BEGIN");
  try {
    await fn();
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
