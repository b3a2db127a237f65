// The database side of an import, in the caller's transaction: validated rows go into
// temporary staging tables by COPY, are kept for the commit, are compared with the registry in a few
// set-based statements (new / changed / unchanged), and — on commit — are upserted by
// (tenantId, noKk) and (tenantId, nik) with every desil and extreme-poverty change written
// to the households' history. Raw SQL is not audited by the scoped client: the caller
// writes one audit row for the import.
import type { Tx } from "@/lib/db";
import { Prisma as PrismaSql } from "@/lib/generated/prisma/client";
import type { RegistrySource } from "@/lib/generated/prisma/enums";
import type { StagedHousehold, StagedMember } from "./validate";
import { copyField, copyFields, copyRows } from "@/lib/db/copy";
import { analyzeTemporary, countConfirmable, demoteReplacedHeads, findReplacedHeads, refuseHeadlessFamilies, type RefusedFamily } from "./families";

export type ChangeCounts = { new: number; changed: number; unchanged: number };

export type StagedCounts = {
  households: ChangeCounts;
  members: ChangeCounts;
  /** Member rows; a row is "changed" when its member or its household changes. */
  rows: ChangeCounts;
  desilChanges: number;
  extremePoorChanges: number;
  /** Members moving from one No. KK to another. */
  moves: number;
  /** Families whose head the file replaces (or gives a head). */
  newHeads: number;
};

/** The comparison, and the families refused before it because they would be left without a head. */
export type Staged = { counts: StagedCounts; refused: RefusedFamily[] };

export type StoreProgress = (progress: { phase: "stage" | "write"; done: number; total: number }) => void;

/** Rows per staging statement where COPY is not available (PGlite): one text parameter each (see separated). */
export const STAGE_BATCH = 5_000;
/** Staged rows per write statement. */
export const WRITE_BATCH = 10_000;

/**
 * The file's checked rows, one temporary table each; the comparison reads them. No unique
 * index: the validator already refused a second row of a NIK or a No. KK, and the registry's
 * own unique keys would refuse the commit if one got through.
 */
async function createFileTables(tx: Tx): Promise<void> {
  await tx.$executeRawUnsafe(`
    CREATE TEMP TABLE import_household_file (
      seq int NOT NULL, no_kk text NOT NULL, new_id text NOT NULL,
      registry_id text, address text, rt text, rw text, kecamatan_id text NOT NULL, kelurahan_id text NOT NULL,
      desil int, is_extreme_poor boolean
    ) ON COMMIT DROP`);
  await tx.$executeRawUnsafe(`
    CREATE TEMP TABLE import_member_file (
      seq int NOT NULL, nik text NOT NULL, no_kk text NOT NULL, new_id text NOT NULL,
      name text NOT NULL, sex "Sex" NOT NULL, birth_place text, birth_date date NOT NULL,
      relation "FamilyRelation" NOT NULL, education "Education", occupation text, disability "Disability"
    ) ON COMMIT DROP`);
}

/**
 * Every statement of an import is planned once and run once over a few hundred thousand rows:
 * PostgreSQL's JIT compiler, which the size of these statements sets off, took longer to
 * compile them (a second or more each) than they take to run.
 */
export async function prepareImportTransaction(tx: Tx): Promise<void> {
  await tx.$executeRawUnsafe(`SET LOCAL jit = off`);
}

const HOUSEHOLD_FILE_COLUMNS = ["seq", "new_id", "no_kk", "registry_id", "address", "rt", "rw", "kecamatan_id", "kelurahan_id", "desil", "is_extreme_poor"];
const MEMBER_FILE_COLUMNS = ["seq", "new_id", "nik", "no_kk", "name", "sex", "birth_place", "birth_date", "relation", "education", "occupation", "disability"];

/**
 * Ids of new households and members: "c", the import's time (ms, hex), the row's place in the
 * file and a random tail, 25 characters like a cuid. They sort in file order, so a large import
 * appends to the primary keys instead of writing into random pages of them.
 */
function stagedIds(): (seq: number) => string {
  const time = Date.now().toString(16);
  return (seq) =>
    `c${time}${seq.toString(16).padStart(7, "0")}${Math.floor(Math.random() * 0x1000000)
      .toString(16)
      .padStart(6, "0")}`;
}

/**
 * A dry run: the validated rows go into the file tables (COPY, or batches of one text
 * parameter where COPY is not available) and are compared with the registry.
 */
export async function stageAndCompare(
  tx: Tx,
  tenantId: string,
  households: StagedHousehold[],
  members: StagedMember[],
  onProgress?: StoreProgress,
): Promise<Staged & { stagedMs: number }> {
  const started = Date.now();
  await createFileTables(tx);
  const total = households.length + members.length;
  const id = stagedIds();
  const householdFields = (h: StagedHousehold) => [h.noKk, h.registryId, h.address, h.rt, h.rw, h.kecamatanId, h.kelurahanId, h.desil, h.isExtremePoor];
  function* householdLines() {
    for (let seq = 0; seq < households.length; seq += 1) yield `${seq}\t${id(seq)}\t${householdFields(households[seq]!).map(copyField).join("\t")}\n`;
  }
  function* memberLines() {
    for (let seq = 0; seq < members.length; seq += 1) yield `${seq}\t${id(seq)}\t${members[seq]!.line}\n`;
  }
  onProgress?.({ phase: "stage", done: 0, total });
  const copied = await copyRows(tx, "import_household_file", HOUSEHOLD_FILE_COLUMNS, householdLines());
  if (copied && !(await copyRows(tx, "import_member_file", MEMBER_FILE_COLUMNS, memberLines()))) throw new Error("COPY into import_member_file refused");
  if (!copied) {
    let done = 0;
    for (let start = 0; start < households.length; start += STAGE_BATCH) {
      const batch = households.slice(start, start + STAGE_BATCH);
      const lines = separated(batch.map((h, i) => [id(start + i), ...householdFields(h)]));
      await tx.$executeRaw`
        INSERT INTO import_household_file (seq, new_id, no_kk, registry_id, address, rt, rw, kecamatan_id, kelurahan_id, desil, is_extreme_poor)
        SELECT s.seq, f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9]::int, f[10]::boolean
          FROM (SELECT ${start}::int + n::int - 1 AS seq, string_to_array(line, E'\\x1f', E'\\x1a') AS f
                  FROM string_to_table(${lines}::text, E'\\x1e') WITH ORDINALITY AS l(line, n)) s`;
      done += batch.length;
      onProgress?.({ phase: "stage", done, total });
    }
    for (let start = 0; start < members.length; start += STAGE_BATCH) {
      const batch = members.slice(start, start + STAGE_BATCH);
      const lines = separated(batch.map((m, i) => [id(start + i), ...copyFields(m.line)]));
      await tx.$executeRaw`
        INSERT INTO import_member_file (seq, new_id, nik, no_kk, name, sex, birth_place, birth_date, relation, education, occupation, disability)
        SELECT s.seq, f[1], f[2], f[3], f[4], f[5]::"Sex", f[6], f[7]::date, f[8]::"FamilyRelation",
               f[9]::"Education", f[10], f[11]::"Disability"
          FROM (SELECT ${start}::int + n::int - 1 AS seq, string_to_array(line, E'\\x1f', E'\\x1a') AS f
                  FROM string_to_table(${lines}::text, E'\\x1e') WITH ORDINALITY AS l(line, n)) s`;
      done += batch.length;
      onProgress?.({ phase: "stage", done, total });
    }
  }
  onProgress?.({ phase: "stage", done: total, total });
  const stagedMs = Date.now() - started;
  const refused = await refuseHeadlessFamilies(tx, tenantId);
  return { counts: await compareWithRegistry(tx, tenantId, refused.length > 0), refused, stagedMs };
}

/**
 * A dry run keeps its checked rows for the commit (after stageAndCompare, same transaction).
 * The comparison itself reads the temporary tables: the app's role may ANALYZE those, not
 * these, and without statistics the planner would scan the registry.
 */
export async function keepStaged(tx: Tx, tenantId: string, importJobId: string, staged: Staged): Promise<void> {
  // The file tables number their rows 0, 1, 2, …; refused families leave gaps, which the kept
  // rows close (the commit writes in batches of seq). Without refusals there is nothing to sort.
  const seq = raw(staged.refused.length > 0 ? "(row_number() OVER (ORDER BY seq))::int - 1" : "seq");
  await tx.$executeRaw`
    INSERT INTO "ImportStagedHousehold" ("tenantId", "importJobId", seq, "noKk", "newId", "registryId", address, rt, rw,
                                         "kecamatanId", "kelurahanId", desil, "isExtremePoor")
    SELECT ${tenantId}::text, ${importJobId}::text, ${seq}, no_kk, new_id, registry_id, address, rt, rw,
           kecamatan_id, kelurahan_id, desil, is_extreme_poor
      FROM import_household_file`;
  await tx.$executeRaw`
    INSERT INTO "ImportStagedMember" ("tenantId", "importJobId", seq, nik, "noKk", "newId", name, sex, "birthPlace", "birthDate",
                                      relation, education, occupation, disability)
    SELECT ${tenantId}::text, ${importJobId}::text, ${seq}, nik, no_kk, new_id, name, sex, birth_place,
           birth_date, relation, education, occupation, disability
      FROM import_member_file`;
}

/**
 * A commit: the rows its dry run kept go back into the file tables and are compared with the
 * registry again (it may have changed since). Null when nothing was kept (a crash empties the
 * unlogged tables).
 */
export async function restageAndCompare(
  tx: Tx,
  tenantId: string,
  importJobId: string,
): Promise<(Staged & { sizes: { households: number; members: number } }) | null> {
  await createFileTables(tx);
  const households = await tx.$executeRaw`
    INSERT INTO import_household_file (seq, no_kk, new_id, registry_id, address, rt, rw, kecamatan_id, kelurahan_id, desil, is_extreme_poor)
    SELECT seq, "noKk", "newId", "registryId", address, rt, rw, "kecamatanId", "kelurahanId", desil, "isExtremePoor"
      FROM "ImportStagedHousehold" WHERE "tenantId" = ${tenantId} AND "importJobId" = ${importJobId}`;
  const members = await tx.$executeRaw`
    INSERT INTO import_member_file (seq, nik, no_kk, new_id, name, sex, birth_place, birth_date, relation, education, occupation, disability)
    SELECT seq, nik, "noKk", "newId", name, sex, "birthPlace", "birthDate", relation, education, occupation, disability
      FROM "ImportStagedMember" WHERE "tenantId" = ${tenantId} AND "importJobId" = ${importJobId}`;
  if (households === 0 && members === 0) return null;
  const refused = await refuseHeadlessFamilies(tx, tenantId);
  return { counts: await compareWithRegistry(tx, tenantId, refused.length > 0), refused, sizes: { households, members } };
}

/** Drops what a job kept. */
export async function dropStaged(tx: Tx, tenantId: string, importJobId: string): Promise<void> {
  await tx.$executeRaw`DELETE FROM "ImportStagedHousehold" WHERE "tenantId" = ${tenantId} AND "importJobId" = ${importJobId}`;
  await tx.$executeRaw`DELETE FROM "ImportStagedMember" WHERE "tenantId" = ${tenantId} AND "importJobId" = ${importJobId}`;
}

/**
 * Kept rows may wait a day for their commit. Every check and every commit of the city deletes
 * the rows of jobs older than that or no longer waiting (there is no scheduler to do it sooner).
 */
export const STAGED_FOR_HOURS = 24;

export async function dropExpiredStaged(tx: Tx, tenantId: string): Promise<void> {
  for (const table of ["ImportStagedHousehold", "ImportStagedMember"] as const) {
    await tx.$executeRaw`
      DELETE FROM ${raw(`"${table}"`)} s
       WHERE s."tenantId" = ${tenantId}
         AND s."importJobId" NOT IN (
               SELECT id FROM "ImportJob"
                WHERE "tenantId" = ${tenantId} AND status = 'DRY_RUN' AND "createdAt" > now() - make_interval(hours => ${STAGED_FOR_HOURS}::int))`;
  }
}

/**
 * Compares the file tables with the registry: each comparison is one CREATE TABLE … AS over
 * a join with the registry, so every staged row is written once, not rewritten by an UPDATE
 * per step.
 */
async function compareWithRegistry(tx: Tx, tenantId: string, membersChanged: boolean): Promise<StagedCounts> {
  // Temporary tables are never analysed by autovacuum: without statistics the planner takes
  // them for small and joins them to a million-row registry by scanning it. The member file
  // was analysed by refuseHeadlessFamilies, again only if it dropped rows since.
  await analyzeTemporary(tx, "import_household_file");
  if (membersChanged) await analyzeTemporary(tx, "import_member_file");
  const [{ rows: memberRows } = { rows: 0 }] = await tx.$queryRawUnsafe<{ rows: number }[]>(`SELECT count(*)::int AS rows FROM import_member_file`);

  // An empty cell keeps what the registry has: only stated values can change a household.
  await tx.$executeRaw`
    CREATE TEMP TABLE import_household ON COMMIT DROP AS
    SELECT s.*, h.id AS existing_id, h.desil AS old_desil, h."isExtremePoor" AS old_is_extreme_poor, h.status AS old_status,
           CASE
             WHEN h.id IS NULL THEN 'new'
             WHEN COALESCE(s.registry_id, h."registryId") IS DISTINCT FROM h."registryId"
               OR COALESCE(s.address, h.address) IS DISTINCT FROM h.address
               OR COALESCE(s.rt, h.rt) IS DISTINCT FROM h.rt
               OR COALESCE(s.rw, h.rw) IS DISTINCT FROM h.rw
               OR s.kecamatan_id IS DISTINCT FROM h."kecamatanId"
               OR s.kelurahan_id IS DISTINCT FROM h."kelurahanId"
               OR COALESCE(s.desil, h.desil) IS DISTINCT FROM h.desil
               OR COALESCE(s.is_extreme_poor, h."isExtremePoor") IS DISTINCT FROM h."isExtremePoor"
             THEN 'changed' ELSE 'unchanged' END AS state
      FROM import_household_file s
      LEFT JOIN "Household" h ON h."tenantId" = ${tenantId} AND h."noKk" = s.no_kk`;
  await tx.$executeRaw`
    CREATE TEMP TABLE import_member ON COMMIT DROP AS
    SELECT s.*, x.household_id, m.id AS existing_id, m."householdId" AS old_household_id, m.name AS old_name, m.relation AS old_relation,
           -- A name written in other capitals is the same name: the registry keeps its own.
           m.id IS NOT NULL AND upper(s.name) <> upper(m.name) AS name_changed,
           CASE
             WHEN m.id IS NULL THEN 'new'
             WHEN x.household_id IS DISTINCT FROM m."householdId"
               OR upper(s.name) IS DISTINCT FROM upper(m.name)
               OR s.sex IS DISTINCT FROM m.sex
               OR COALESCE(s.birth_place, m."birthPlace") IS DISTINCT FROM m."birthPlace"
               OR s.birth_date IS DISTINCT FROM m."birthDate"
               OR s.relation IS DISTINCT FROM m.relation
               OR COALESCE(s.education, m.education) IS DISTINCT FROM m.education
               OR COALESCE(s.occupation, m.occupation) IS DISTINCT FROM m.occupation
               OR COALESCE(s.disability, m.disability) IS DISTINCT FROM m.disability
             THEN 'changed' ELSE 'unchanged' END AS state
      FROM import_member_file s
      LEFT JOIN import_household h ON h.no_kk = s.no_kk
      CROSS JOIN LATERAL (SELECT COALESCE(h.existing_id, h.new_id) AS household_id) x
      LEFT JOIN "Member" m ON m."tenantId" = ${tenantId} AND m.nik = s.nik`;
  // The writes walk both tables in batches of seq.
  await tx.$executeRawUnsafe(`ALTER TABLE import_household ADD PRIMARY KEY (seq)`);
  await tx.$executeRawUnsafe(`ALTER TABLE import_member ADD PRIMARY KEY (seq)`);
  await analyzeTemporary(tx, "import_household");
  await analyzeTemporary(tx, "import_member");
  await findReplacedHeads(tx, tenantId);
  const confirmable = await countConfirmable(tx);

  // One pass over each table.
  const [counts] = await tx.$queryRawUnsafe<Record<string, bigint | number>[]>(`
    SELECT * FROM
      (SELECT count(*) FILTER (WHERE state = 'new') AS hh_new,
              count(*) FILTER (WHERE state = 'changed') AS hh_changed,
              count(*) FILTER (WHERE state = 'unchanged') AS hh_unchanged,
              count(*) FILTER (WHERE state = 'changed' AND desil IS NOT NULL AND desil IS DISTINCT FROM old_desil) AS desil_changes,
              count(*) FILTER (WHERE state = 'changed' AND is_extreme_poor IS NOT NULL
                                 AND is_extreme_poor IS DISTINCT FROM old_is_extreme_poor) AS extreme_changes
         FROM import_household) hh,
      (SELECT count(*) FILTER (WHERE m.state = 'new') AS m_new,
              count(*) FILTER (WHERE m.state = 'changed') AS m_changed,
              count(*) FILTER (WHERE m.state = 'unchanged') AS m_unchanged,
              count(*) FILTER (WHERE h.no_kk IS NOT NULL AND m.state <> 'new' AND (m.state = 'changed' OR h.state = 'changed')) AS r_changed
         FROM import_member m LEFT JOIN import_household h ON h.no_kk = m.no_kk) mm`);
  const n = (key: string) => Number(counts?.[key] ?? 0);
  const rowsChanged = n("r_changed");
  return {
    households: { new: n("hh_new"), changed: n("hh_changed"), unchanged: n("hh_unchanged") },
    members: { new: n("m_new"), changed: n("m_changed"), unchanged: n("m_unchanged") },
    rows: { new: n("m_new"), changed: rowsChanged, unchanged: memberRows - n("m_new") - rowsChanged },
    desilChanges: n("desil_changes"),
    extremePoorChanges: n("extreme_changes"),
    ...confirmable,
  };
}

export type ApplyOptions = {
  tenantId: string;
  importJobId: string;
  userId: string | null;
  source: RegistrySource;
  /** The day the changes take effect (the import's day in the city). */
  effectiveDate: string;
  /** Status-event reason, e.g. "Impor registri data.xlsx (job …)". */
  reason: string;
  onProgress?: StoreProgress;
  /** Tests only: runs after each write batch (to fail an import midway). */
  afterBatch?: (batch: number) => void | Promise<void>;
};

const ID_SQL = `'c' || substr(md5(random()::text || clock_timestamp()::text || seq::text), 1, 24)`;

/**
 * Rows as one text parameter: the ASCII unit separator between cells, the record separator
 * between rows, the substitute character for none. One parameter per batch, which Prisma passes
 * through untouched (thousands of array or JSON parameters cost more to serialise than the
 * database takes to insert them). Those three control characters never belong in a registry;
 * in a cell they become spaces, everything else goes through as written.
 */
function separated(rows: (string | number | boolean | null)[][]): string {
  return rows.map((cells) => cells.map((cell) => (cell === null ? "\x1a" : String(cell).replace(/[\x1a\x1e\x1f]/g, " "))).join("\x1f")).join("\x1e");
}

/** Writes the staged rows: households first (members point at them), then members. */
export async function applyStaged(tx: Tx, options: ApplyOptions, sizes: { households: number; members: number }, counts: StagedCounts): Promise<void> {
  const { tenantId, importJobId, userId, source, effectiveDate, reason } = options;
  // Statements with nothing to write are not sent: each would still join its batch to the registry.
  const when = (rows: number, statement: () => Promise<number>) => (rows > 0 ? statement() : Promise.resolve(0));
  const total = sizes.households + sizes.members;
  let done = 0;
  let batch = 0;
  const step = async (size: number) => {
    done += size;
    batch += 1;
    options.onProgress?.({ phase: "write", done, total });
    await options.afterBatch?.(batch);
  };

  await checkAreasByIndex(tx, true);
  for (let from = 0; from < sizes.households; from += WRITE_BATCH) {
    const to = from + WRITE_BATCH;
    await when(
      counts.desilChanges,
      () => tx.$executeRaw`
      INSERT INTO "HouseholdDesilChange" ("tenantId", id, "householdId", "fromDesil", "toDesil", "effectiveDate", source, "importJobId", "createdAt")
      SELECT ${tenantId}::text, ${raw(ID_SQL)}, existing_id, old_desil, desil, ${effectiveDate}::date, 'IMPORT', ${importJobId}::text, now()
      FROM import_household
      WHERE seq >= ${from}::int AND seq < ${to}::int AND state = 'changed' AND desil IS NOT NULL AND desil IS DISTINCT FROM old_desil`,
    );
    await when(
      counts.extremePoorChanges,
      () => tx.$executeRaw`
      INSERT INTO "HouseholdStatusEvent" ("tenantId", id, "householdId", "fromStatus", "toStatus", "fromExtremePoor", "toExtremePoor",
                                          "effectiveDate", reason, source, "decidedById", "createdAt")
      SELECT ${tenantId}::text, ${raw(ID_SQL)}, existing_id, old_status, old_status, old_is_extreme_poor, is_extreme_poor,
             ${effectiveDate}::date,
             CASE WHEN is_extreme_poor THEN 'Masuk kategori miskin ekstrem: ' ELSE 'Keluar dari kategori miskin ekstrem: ' END || ${reason}::text,
             'IMPORT', ${userId}::text, now()
      FROM import_household
      WHERE seq >= ${from}::int AND seq < ${to}::int AND state = 'changed' AND is_extreme_poor IS NOT NULL
        AND is_extreme_poor IS DISTINCT FROM old_is_extreme_poor`,
    );
    await when(
      counts.households.new,
      () => tx.$executeRaw`
      INSERT INTO "Household" ("tenantId", id, "noKk", "registrySource", "registryId", address, rt, rw, "kecamatanId", "kelurahanId",
                               desil, "isExtremePoor", status, "createdAt", "updatedAt")
      SELECT ${tenantId}::text, new_id, no_kk, ${source}::"RegistrySource", registry_id, COALESCE(address, ''), rt, rw, kecamatan_id, kelurahan_id,
             desil, COALESCE(is_extreme_poor, false), 'ACTIVE', now(), now()
      FROM import_household
      WHERE seq >= ${from}::int AND seq < ${to}::int AND state = 'new'`,
    );
    await when(
      counts.households.changed,
      () => tx.$executeRaw`
      UPDATE "Household" h SET
        "registryId" = COALESCE(s.registry_id, h."registryId"), address = COALESCE(s.address, h.address),
        rt = COALESCE(s.rt, h.rt), rw = COALESCE(s.rw, h.rw), "kecamatanId" = s.kecamatan_id, "kelurahanId" = s.kelurahan_id,
        desil = COALESCE(s.desil, h.desil), "isExtremePoor" = COALESCE(s.is_extreme_poor, h."isExtremePoor"), "updatedAt" = now()
      FROM import_household s
      WHERE h."tenantId" = ${tenantId} AND h.id = s.existing_id AND s.seq >= ${from}::int AND s.seq < ${to}::int AND s.state = 'changed'`,
    );
    await step(Math.min(WRITE_BATCH, sizes.households - from));
  }
  await checkAreasByIndex(tx, false);

  for (let from = 0; from < sizes.members; from += WRITE_BATCH) {
    const to = from + WRITE_BATCH;
    await when(
      counts.members.new,
      () => tx.$executeRaw`
      INSERT INTO "Member" ("tenantId", id, "householdId", nik, name, sex, "birthPlace", "birthDate", relation, education,
                            occupation, disability, "createdAt", "updatedAt")
      SELECT ${tenantId}::text, new_id, household_id, nik, name, sex, birth_place, birth_date, relation, education,
             occupation, disability, now(), now()
      FROM import_member
      WHERE seq >= ${from}::int AND seq < ${to}::int AND state = 'new'`,
    );
    await when(
      counts.members.changed,
      () => tx.$executeRaw`
      UPDATE "Member" m SET
        "householdId" = s.household_id, name = CASE WHEN upper(s.name) = upper(m.name) THEN m.name ELSE s.name END, sex = s.sex, "birthPlace" = COALESCE(s.birth_place, m."birthPlace"),
        "birthDate" = s.birth_date, relation = s.relation, education = COALESCE(s.education, m.education),
        occupation = COALESCE(s.occupation, m.occupation), disability = COALESCE(s.disability, m.disability), "updatedAt" = now()
      FROM import_member s
      WHERE m."tenantId" = ${tenantId} AND m.id = s.existing_id AND s.seq >= ${from}::int AND s.seq < ${to}::int AND s.state = 'changed'`,
    );
    await step(Math.min(WRITE_BATCH, sizes.members - from));
  }
  if (counts.newHeads > 0) await demoteReplacedHeads(tx, tenantId);
}

/**
 * Each household written checks its kecamatan and kelurahan against "Area" (the foreign keys).
 * A city's few hundred areas make that table so small that the planner scans it whole for every
 * check, ten times the cost of the index: two fifths of writing a household. Planned while the
 * import writes households, the checks use the index (and keep doing so on this connection,
 * which is as fast for a table of any size).
 */
async function checkAreasByIndex(tx: Tx, byIndex: boolean): Promise<void> {
  await tx.$executeRawUnsafe(`SET LOCAL enable_seqscan = ${byIndex ? "off" : "DEFAULT"}`);
}

/** A fixed SQL fragment inside a tagged template (never user input). */
function raw(sql: string) {
  return PrismaSql.raw(sql);
}
