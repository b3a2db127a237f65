// Families kept whole by an import, in set-based SQL over the staged rows (store.ts) and the
// registry. Every family ends a commit with exactly one head: the file's head, or the
// registry's when the file brings none (new members may join a family without a head row). A
// file head replacing the registry's makes the old head "LAINNYA" unless the file says
// otherwise. A family the import would leave headless is refused whole. The check lists each
// family that changes and how; moves and new heads wait for the importer's confirmation and
// are audited one row each, with masked numbers.
import type { Tx } from "@/lib/db";
import { auditJson, recordAuditRows } from "@/lib/db/audit";
import type { FamilyRelation } from "@/lib/generated/prisma/enums";
import { Prisma as PrismaSql } from "@/lib/generated/prisma/client";
import { maskNumber } from "@/lib/privacy/person-view";
import { wordsMessage } from "@/lib/errors/words-message";
import { maskedNumber } from "@/lib/privacy/redact";

/** Items listed per kind of change in the check's report; the rest are counted. */
export const FAMILY_CHANGES_SHOWN = 100;

export type MemberMove = { nik: string; name: string; fromKk: string; toKk: string; relation: FamilyRelation; wasHead: boolean };
export type HeadChange = {
  noKk: string;
  oldHeadNik: string | null;
  oldHeadName: string | null;
  newHeadNik: string;
  newHeadName: string;
  /** What the old head is after the commit: the file's relation, or OTHER when the file leaves them out. */
  oldHeadBecomes: FamilyRelation | null;
  /** The No. KK the old head moves to, when the file puts them in another family. */
  oldHeadMovesTo: string | null;
};
export type NameChange = { nik: string; noKk: string; from: string; to: string };
/** A field of a family or member that changes, besides a move, a new head, a name or the desil. */
export type DetailField =
  | "registryId"
  | "address"
  | "rt"
  | "rw"
  | "area"
  | "sex"
  | "birthPlace"
  | "birthDate"
  | "relation"
  | "education"
  | "occupation"
  | "disability";
/** A family (nik null) or a member whose other data change, and which. */
export type DetailChange = { nik: string | null; noKk: string; name: string | null; fields: DetailField[] };
export type ClassificationChange = { noKk: string; fromDesil: number | null; toDesil: number | null; fromExtreme: boolean | null; toExtreme: boolean | null };
export type HeadlessFamily = {
  noKk: string;
  /** noHead: neither the file nor the registry has a head that stays; headMovesOut: one of its rows is the head of a family it would leave headless. */
  reason: "noHead" | "headMovesOut";
  /** headMovesOut: the family left behind. */
  otherKk: string | null;
  rows: number;
};

export type Listed<T> = { total: number; items: T[] };
export type FamilyChanges = {
  moves: Listed<MemberMove>;
  newHeads: Listed<HeadChange>;
  renamed: Listed<NameChange>;
  classification: Listed<ClassificationChange>;
  details: Listed<DetailChange>;
  headless: Listed<HeadlessFamily>;
};

/** A refused family, with the full No. KK only for the caller to find its rows (never stored). */
export type RefusedFamily = { noKk: string; reason: HeadlessFamily["reason"]; otherKk: string | null; headNik: string | null; inRegistry: boolean };

/** "••••••••••••0001" in SQL, as maskNumber writes it. */
const maskedSql = (column: string) => `repeat('•', greatest(length(${column}) - 4, 0)) || right(${column}, 4)`;
const masked = (column: string) => PrismaSql.raw(maskedSql(column));

/**
 * ANALYZE of an import's temporary table. The planner needs its size and the spread of its
 * join keys, which a sample of 3,000 rows tells as well as the default 30,000: a tenth of the
 * default's work, for tables analysed several times in every check and commit. The target
 * goes back to the server's for the rest of the transaction (refreshStatistics of the registry).
 */
export async function analyzeTemporary(tx: Tx, table: "import_household_file" | "import_member_file" | "import_household" | "import_member"): Promise<void> {
  await tx.$executeRawUnsafe(`SET LOCAL default_statistics_target = 10`);
  await tx.$executeRawUnsafe(`ANALYZE ${table}`);
  await tx.$executeRawUnsafe(`SET LOCAL default_statistics_target = DEFAULT`);
}

/**
 * Refuses, before the comparison, the families the import would leave without a head, and
 * drops their rows from the file tables. A refusal can leave another family headless (its
 * head was moving into the refused one): rounds repeat until one refuses nothing.
 */
export async function refuseHeadlessFamilies(tx: Tx, tenantId: string): Promise<RefusedFamily[]> {
  // No index on the file table: every test below is a hash join, one pass over each side. (Its
  // two indexes cost a second per check and per commit of 300,000 rows.) The validator refused
  // a second row of a NIK, so a NIK joins at most one file row.
  await analyzeTemporary(tx, "import_member_file");
  const refused: RefusedFamily[] = [];
  const done = new Set<string>();
  for (;;) {
    const round = await tx.$queryRaw<RefusedFamily[]>`
      WITH file_kk AS (
        SELECT no_kk, bool_or(relation = 'HEAD') AS has_head FROM import_member_file GROUP BY no_kk
      )
      SELECT f.no_kk AS "noKk", 'noHead' AS reason, NULL::text AS "otherKk", NULL::text AS "headNik",
             EXISTS (SELECT 1 FROM "Household" r WHERE r."tenantId" = ${tenantId} AND r."noKk" = f.no_kk) AS "inRegistry"
        FROM file_kk f
       WHERE NOT f.has_head
         AND NOT EXISTS (
               SELECT 1 FROM "Household" h
                 JOIN "Member" m ON m."tenantId" = h."tenantId" AND m."householdId" = h.id AND m.relation = 'HEAD'
                WHERE h."tenantId" = ${tenantId} AND h."noKk" = f.no_kk
                  AND NOT EXISTS (SELECT 1 FROM import_member_file x WHERE x.nik = m.nik))
      UNION ALL
      SELECT DISTINCT ON (s.no_kk) s.no_kk, 'headMovesOut', h."noKk", s.nik, true
        FROM import_member_file s
        JOIN "Member" m ON m."tenantId" = ${tenantId} AND m.nik = s.nik AND m.relation = 'HEAD'
        JOIN "Household" h ON h."tenantId" = ${tenantId} AND h.id = m."householdId"
       WHERE h."noKk" <> s.no_kk
         AND NOT EXISTS (SELECT 1 FROM import_member_file fh WHERE fh.no_kk = h."noKk" AND fh.relation = 'HEAD')
         AND EXISTS (
               SELECT 1 FROM "Member" o LEFT JOIN import_member_file x ON x.nik = o.nik
                WHERE o."tenantId" = ${tenantId} AND o."householdId" = h.id AND o.id <> m.id
                  AND (x.nik IS NULL OR x.no_kk = h."noKk"))`;
    const fresh = round.filter((family) => !done.has(family.noKk));
    if (fresh.length === 0) break;
    for (const family of fresh) {
      done.add(family.noKk);
      refused.push(family);
    }
    const noKks = fresh.map((family) => family.noKk);
    await tx.$executeRaw`DELETE FROM import_member_file WHERE no_kk = ANY(${noKks}::text[])`;
    await tx.$executeRaw`DELETE FROM import_household_file WHERE no_kk = ANY(${noKks}::text[])`;
  }
  return refused;
}

/**
 * After the comparison (import_household, import_member): registry heads the file replaces and
 * leaves out of its rows. The commit makes them OTHER.
 */
export async function findReplacedHeads(tx: Tx, tenantId: string): Promise<void> {
  await tx.$executeRaw`
    CREATE TEMP TABLE import_replaced_head ON COMMIT DROP AS
    SELECT h.existing_id AS household_id, h.no_kk, fh.nik AS new_nik, fh.name AS new_name,
           m.id AS old_id, m.nik AS old_nik, m.name AS old_name, x.relation AS old_becomes, x.no_kk AS old_moves_to
      FROM import_household h
      JOIN import_member fh ON fh.no_kk = h.no_kk AND fh.relation = 'HEAD'
      LEFT JOIN "Member" m ON m."tenantId" = ${tenantId} AND m."householdId" = h.existing_id AND m.relation = 'HEAD'
      LEFT JOIN import_member x ON x.nik = m.nik
     WHERE h.existing_id IS NOT NULL AND m.nik IS DISTINCT FROM fh.nik`;
}

/** Moves and new heads: these need the importer's confirmation. */
export async function countConfirmable(tx: Tx): Promise<{ moves: number; newHeads: number }> {
  const [row] = await tx.$queryRawUnsafe<{ moves: bigint; new_heads: bigint }[]>(`
    SELECT (SELECT count(*) FROM import_member WHERE existing_id IS NOT NULL AND old_household_id <> household_id) AS moves,
           (SELECT count(*) FROM import_replaced_head) AS new_heads`);
  return { moves: Number(row?.moves ?? 0), newHeads: Number(row?.new_heads ?? 0) };
}

/**
 * What the check shows: the first families of each kind of change, masked, and the totals.
 * `limit` null: every family (the download).
 */
export async function describeFamilyChanges(
  tx: Tx,
  tenantId: string,
  confirmable: { moves: number; newHeads: number },
  refused: RefusedFamily[],
  refusedRows: Map<string, number>,
  limit: number | null = FAMILY_CHANGES_SHOWN,
): Promise<FamilyChanges> {
  const { moves: movesTotal, newHeads: newHeadsTotal } = confirmable;
  const moves = await tx.$queryRaw<MemberMove[]>`
    SELECT ${masked("s.nik")} AS nik, s.name, ${masked('oh."noKk"')} AS "fromKk", ${masked("s.no_kk")} AS "toKk",
           s.relation, s.old_relation = 'HEAD' AS "wasHead"
      FROM import_member s
      JOIN "Household" oh ON oh."tenantId" = ${tenantId} AND oh.id = s.old_household_id
     WHERE s.existing_id IS NOT NULL AND s.old_household_id <> s.household_id
     ORDER BY s.seq LIMIT ${limit}::int`;
  const newHeads = await tx.$queryRaw<HeadChange[]>`
    SELECT ${masked("no_kk")} AS "noKk", ${masked("old_nik")} AS "oldHeadNik", old_name AS "oldHeadName",
           ${masked("new_nik")} AS "newHeadNik", new_name AS "newHeadName",
           CASE WHEN old_nik IS NULL THEN NULL ELSE COALESCE(old_becomes, 'OTHER') END AS "oldHeadBecomes",
           CASE WHEN old_moves_to <> no_kk THEN ${masked("old_moves_to")} END AS "oldHeadMovesTo"
      FROM import_replaced_head ORDER BY no_kk LIMIT ${limit}::int`;
  const [renamedTotal] = await tx.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM import_member WHERE name_changed`);
  const renamed = await tx.$queryRaw<NameChange[]>`
    SELECT ${masked("nik")} AS nik, ${masked("no_kk")} AS "noKk", old_name AS "from", name AS "to"
      FROM import_member WHERE name_changed ORDER BY seq LIMIT ${limit}::int`;
  const classified = `state = 'changed' AND ((desil IS NOT NULL AND desil IS DISTINCT FROM old_desil)
                        OR (is_extreme_poor IS NOT NULL AND is_extreme_poor IS DISTINCT FROM old_is_extreme_poor))`;
  const [classifiedTotal] = await tx.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM import_household WHERE ${classified}`);
  const classification = await tx.$queryRaw<ClassificationChange[]>`
    SELECT ${masked("no_kk")} AS "noKk", old_desil AS "fromDesil", COALESCE(desil, old_desil) AS "toDesil",
           old_is_extreme_poor AS "fromExtreme", COALESCE(is_extreme_poor, old_is_extreme_poor) AS "toExtreme"
      FROM import_household WHERE ${PrismaSql.raw(classified)} ORDER BY seq LIMIT ${limit}::int`;
  const detailed = (tenant: string) => `
    SELECT s.seq, 0 AS part, NULL::text AS nik, s.no_kk, NULL::text AS name, array_remove(ARRAY[
             CASE WHEN COALESCE(s.registry_id, h."registryId") IS DISTINCT FROM h."registryId" THEN 'registryId' END,
             CASE WHEN COALESCE(s.address, h.address) IS DISTINCT FROM h.address THEN 'address' END,
             CASE WHEN COALESCE(s.rt, h.rt) IS DISTINCT FROM h.rt THEN 'rt' END,
             CASE WHEN COALESCE(s.rw, h.rw) IS DISTINCT FROM h.rw THEN 'rw' END,
             CASE WHEN s.kelurahan_id IS DISTINCT FROM h."kelurahanId" THEN 'area' END], NULL) AS fields
      FROM import_household s JOIN "Household" h ON h."tenantId" = ${tenant} AND h.id = s.existing_id
     WHERE s.state = 'changed'
    UNION ALL
    SELECT s.seq, 1, s.nik, s.no_kk, s.name, array_remove(ARRAY[
             CASE WHEN s.sex IS DISTINCT FROM m.sex THEN 'sex' END,
             CASE WHEN COALESCE(s.birth_place, m."birthPlace") IS DISTINCT FROM m."birthPlace" THEN 'birthPlace' END,
             CASE WHEN s.birth_date IS DISTINCT FROM m."birthDate" THEN 'birthDate' END,
             CASE WHEN s.relation IS DISTINCT FROM m.relation AND s.household_id = s.old_household_id THEN 'relation' END,
             CASE WHEN COALESCE(s.education, m.education) IS DISTINCT FROM m.education THEN 'education' END,
             CASE WHEN COALESCE(s.occupation, m.occupation) IS DISTINCT FROM m.occupation THEN 'occupation' END,
             CASE WHEN COALESCE(s.disability, m.disability) IS DISTINCT FROM m.disability THEN 'disability' END], NULL)
      FROM import_member s JOIN "Member" m ON m."tenantId" = ${tenant} AND m.id = s.existing_id
     WHERE s.state = 'changed'`;
  // The tenant goes in as a bound parameter ($1), never as text.
  const [detailsTotal] = await tx.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM (${detailed("$1")}) d WHERE cardinality(d.fields) > 0`, tenantId);
  const details = await tx.$queryRawUnsafe<DetailChange[]>(
    `SELECT CASE WHEN d.nik IS NULL THEN NULL ELSE ${maskedSql("d.nik")} END AS nik, ${maskedSql("d.no_kk")} AS "noKk", d.name, d.fields
       FROM (${detailed("$1")}) d WHERE cardinality(d.fields) > 0 ORDER BY d.no_kk, d.part, d.seq LIMIT $2::int`,
    tenantId,
    limit,
  );
  return {
    details: { total: Number(detailsTotal?.n ?? 0), items: details },
    moves: { total: movesTotal, items: moves },
    newHeads: { total: newHeadsTotal, items: newHeads },
    renamed: { total: Number(renamedTotal?.n ?? 0), items: renamed },
    classification: { total: Number(classifiedTotal?.n ?? 0), items: classification },
    headless: {
      total: refused.length,
      items: refused.slice(0, limit ?? undefined).map((family) => ({
        noKk: maskNumber(family.noKk),
        reason: family.reason,
        otherKk: family.otherKk ? maskNumber(family.otherKk) : null,
        rows: refusedRows.get(family.noKk) ?? 0,
      })),
    },
  };
}

/** At commit: the registry heads the file replaced become OTHER (the file's relation when it lists them). */
export async function demoteReplacedHeads(tx: Tx, tenantId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Member" m SET relation = 'OTHER', "updatedAt" = now()
      FROM import_replaced_head r
     WHERE m."tenantId" = ${tenantId} AND m.id = r.old_id AND r.old_becomes IS NULL`;
}

const AUDIT_BATCH = 1_000;

/** One audit row per member moved and per new head, numbers masked (the audit redaction masks them again if not). */
/** The reason each row of a refused family is given, numbers masked. */
export function refusalReason(family: RefusedFamily): string {
  if (family.reason === "headMovesOut") {
    return wordsMessage("RegistryImport.input.headMovesOut", { nik: maskNumber(family.headNik ?? ""), noKk: maskNumber(family.otherKk ?? "") });
  }
  return wordsMessage(family.inRegistry ? "RegistryImport.input.headLeaves" : "RegistryImport.input.noHeadRow");
}

export async function auditFamilyChanges(
  tx: Tx,
  context: { tenantId: string; userId: string | null; importJobId: string; requestId: string | null; ip: string | null },
): Promise<void> {
  const moves = await tx.$queryRaw<{ id: string; nik: string; old_no_kk: string; no_kk: string; old_relation: FamilyRelation; relation: FamilyRelation }[]>`
    SELECT s.existing_id AS id, s.nik, oh."noKk" AS old_no_kk, s.no_kk, s.old_relation, s.relation
      FROM import_member s
      JOIN "Household" oh ON oh."tenantId" = ${context.tenantId} AND oh.id = s.old_household_id
     WHERE s.existing_id IS NOT NULL AND s.old_household_id <> s.household_id ORDER BY s.seq`;
  const heads = await tx.$queryRawUnsafe<
    { household_id: string; no_kk: string; old_nik: string | null; new_nik: string; old_becomes: FamilyRelation | null; old_moves_to: string | null }[]
  >(`SELECT household_id, no_kk, old_nik, new_nik, old_becomes, old_moves_to FROM import_replaced_head ORDER BY no_kk`);
  const common = { userId: context.userId, requestId: context.requestId, ip: context.ip };
  const rows = [
    ...moves.map((move) => ({
      ...common,
      action: "import.move",
      entity: "Member",
      entityId: move.id,
      before: auditJson("Member", { nik: maskedNumber(move.nik), noKk: maskedNumber(move.old_no_kk), relation: move.old_relation }),
      after: auditJson("Member", { noKk: maskedNumber(move.no_kk), relation: move.relation, importJobId: context.importJobId }),
    })),
    ...heads.map((head) => ({
      ...common,
      action: "import.head_change",
      entity: "Household",
      entityId: head.household_id,
      before: auditJson("Household", { noKk: maskedNumber(head.no_kk), headNik: head.old_nik ? maskedNumber(head.old_nik) : null }),
      after: auditJson("Household", {
        headNik: maskedNumber(head.new_nik),
        oldHeadBecomes: head.old_nik ? (head.old_becomes ?? "OTHER") : null,
        oldHeadMovesTo: head.old_moves_to && head.old_moves_to !== head.no_kk ? maskedNumber(head.old_moves_to) : null,
        importJobId: context.importJobId,
      }),
    })),
  ];
  for (let at = 0; at < rows.length; at += AUDIT_BATCH) await recordAuditRows(tx, context.tenantId, rows.slice(at, at + AUDIT_BATCH));
}
