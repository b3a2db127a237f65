// The database side of an import, in the caller's transaction: validated rows go into
// temporary staging tables in large JSON batches, are compared with the registry in a few
// set-based statements (new / changed / unchanged), and — on commit — are upserted by
// (tenantId, noKk) and (tenantId, nik) with every desil and extreme-poverty change written
// to the households' history. Raw SQL is not audited by the scoped client: the caller
// writes one audit row for the import.
import type { Tx } from "@/lib/db";
import { Prisma as PrismaSql } from "@/lib/generated/prisma/client";
import type { RegistrySource } from "@/lib/generated/prisma/enums";
import { newCuidLikeId } from "@/lib/tenant/ids";
import type { StagedHousehold, StagedMember } from "./validate";

export type ChangeCounts = { new: number; changed: number; unchanged: number };

export type StagedCounts = {
  households: ChangeCounts;
  members: ChangeCounts;
  /** Member rows; a row is "changed" when its member or its household changes. */
  rows: ChangeCounts;
  desilChanges: number;
  extremePoorChanges: number;
};

export type StoreProgress = (progress: { phase: "stage" | "write"; done: number; total: number }) => void;

/** Rows per staging statement: one JSON parameter each, far below any parameter limit. */
export const STAGE_BATCH = 5_000;
/** Staged rows per write statement. */
export const WRITE_BATCH = 10_000;

/** Creates and fills the staging tables, and compares them with the registry. */
export async function stageAndCompare(
  tx: Tx,
  tenantId: string,
  households: StagedHousehold[],
  members: StagedMember[],
  onProgress?: StoreProgress,
): Promise<StagedCounts> {
  await tx.$executeRawUnsafe(`
    CREATE TEMP TABLE import_household (
      seq int PRIMARY KEY, no_kk text NOT NULL UNIQUE, new_id text NOT NULL,
      registry_id text, address text, rt text, rw text, kecamatan_id text NOT NULL, kelurahan_id text NOT NULL,
      desil int, is_extreme_poor boolean,
      existing_id text, old_registry_id text, old_address text, old_rt text, old_rw text,
      old_kecamatan_id text, old_kelurahan_id text, old_desil int, old_is_extreme_poor boolean,
      old_status "HouseholdStatus", state text
    ) ON COMMIT DROP`);
  await tx.$executeRawUnsafe(`
    CREATE TEMP TABLE import_member (
      seq int PRIMARY KEY, nik text NOT NULL UNIQUE, no_kk text NOT NULL, new_id text NOT NULL,
      name text NOT NULL, sex "Sex" NOT NULL, birth_place text, birth_date date NOT NULL,
      relation "FamilyRelation" NOT NULL, education "Education", occupation text, disability "Disability",
      household_id text, existing_id text, old_household_id text, old_name text, old_sex "Sex", old_birth_place text,
      old_birth_date date, old_relation "FamilyRelation", old_education "Education", old_occupation text,
      old_disability "Disability", state text
    ) ON COMMIT DROP`);

  const total = households.length + members.length;
  let done = 0;
  for (let start = 0; start < households.length; start += STAGE_BATCH) {
    const batch = households.slice(start, start + STAGE_BATCH).map((h, i) => ({
      seq: start + i,
      no_kk: h.noKk,
      new_id: newCuidLikeId(),
      registry_id: h.registryId,
      address: h.address,
      rt: h.rt,
      rw: h.rw,
      kecamatan_id: h.kecamatanId,
      kelurahan_id: h.kelurahanId,
      desil: h.desil,
      is_extreme_poor: h.isExtremePoor,
    }));
    await tx.$executeRaw`
      INSERT INTO import_household (seq, no_kk, new_id, registry_id, address, rt, rw, kecamatan_id, kelurahan_id, desil, is_extreme_poor)
      SELECT seq, no_kk, new_id, registry_id, address, rt, rw, kecamatan_id, kelurahan_id, desil, is_extreme_poor
      FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) AS x(
        seq int, no_kk text, new_id text, registry_id text, address text, rt text, rw text,
        kecamatan_id text, kelurahan_id text, desil int, is_extreme_poor boolean)`;
    done += batch.length;
    onProgress?.({ phase: "stage", done, total });
  }
  for (let start = 0; start < members.length; start += STAGE_BATCH) {
    const batch = members.slice(start, start + STAGE_BATCH).map((m, i) => ({
      seq: start + i,
      nik: m.nik,
      no_kk: m.noKk,
      new_id: newCuidLikeId(),
      name: m.name,
      sex: m.sex,
      birth_place: m.birthPlace,
      birth_date: m.birthDate,
      relation: m.relation,
      education: m.education,
      occupation: m.occupation,
      disability: m.disability,
    }));
    await tx.$executeRaw`
      INSERT INTO import_member (seq, nik, no_kk, new_id, name, sex, birth_place, birth_date, relation, education, occupation, disability)
      SELECT seq, nik, no_kk, new_id, name, sex::"Sex", birth_place, birth_date, relation::"FamilyRelation",
             education::"Education", occupation, disability::"Disability"
      FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) AS x(
        seq int, nik text, no_kk text, new_id text, name text, sex text, birth_place text, birth_date date,
        relation text, education text, occupation text, disability text)`;
    done += batch.length;
    onProgress?.({ phase: "stage", done, total });
  }

  await tx.$executeRaw`
    UPDATE import_household s SET
      existing_id = h.id, old_registry_id = h."registryId", old_address = h.address, old_rt = h.rt, old_rw = h.rw,
      old_kecamatan_id = h."kecamatanId", old_kelurahan_id = h."kelurahanId", old_desil = h.desil,
      old_is_extreme_poor = h."isExtremePoor", old_status = h.status
    FROM "Household" h
    WHERE h."tenantId" = ${tenantId} AND h."noKk" = s.no_kk`;
  // An empty cell keeps what the registry has: only stated values can change a household.
  await tx.$executeRawUnsafe(`
    UPDATE import_household SET state = CASE
      WHEN existing_id IS NULL THEN 'new'
      WHEN COALESCE(registry_id, old_registry_id) IS DISTINCT FROM old_registry_id
        OR COALESCE(address, old_address) IS DISTINCT FROM old_address
        OR COALESCE(rt, old_rt) IS DISTINCT FROM old_rt
        OR COALESCE(rw, old_rw) IS DISTINCT FROM old_rw
        OR kecamatan_id IS DISTINCT FROM old_kecamatan_id
        OR kelurahan_id IS DISTINCT FROM old_kelurahan_id
        OR COALESCE(desil, old_desil) IS DISTINCT FROM old_desil
        OR COALESCE(is_extreme_poor, old_is_extreme_poor) IS DISTINCT FROM old_is_extreme_poor
      THEN 'changed' ELSE 'unchanged' END`);
  await tx.$executeRawUnsafe(`
    UPDATE import_member m SET household_id = COALESCE(h.existing_id, h.new_id)
    FROM import_household h WHERE h.no_kk = m.no_kk`);
  await tx.$executeRaw`
    UPDATE import_member s SET
      existing_id = m.id, old_household_id = m."householdId", old_name = m.name, old_sex = m.sex,
      old_birth_place = m."birthPlace", old_birth_date = m."birthDate", old_relation = m.relation,
      old_education = m.education, old_occupation = m.occupation, old_disability = m.disability
    FROM "Member" m
    WHERE m."tenantId" = ${tenantId} AND m.nik = s.nik`;
  await tx.$executeRawUnsafe(`
    UPDATE import_member SET state = CASE
      WHEN existing_id IS NULL THEN 'new'
      WHEN household_id IS DISTINCT FROM old_household_id
        OR name IS DISTINCT FROM old_name
        OR sex IS DISTINCT FROM old_sex
        OR COALESCE(birth_place, old_birth_place) IS DISTINCT FROM old_birth_place
        OR birth_date IS DISTINCT FROM old_birth_date
        OR relation IS DISTINCT FROM old_relation
        OR COALESCE(education, old_education) IS DISTINCT FROM old_education
        OR COALESCE(occupation, old_occupation) IS DISTINCT FROM old_occupation
        OR COALESCE(disability, old_disability) IS DISTINCT FROM old_disability
      THEN 'changed' ELSE 'unchanged' END`);

  const [counts] = await tx.$queryRawUnsafe<Record<string, bigint | number>[]>(`
    SELECT
      (SELECT count(*) FROM import_household WHERE state = 'new') AS hh_new,
      (SELECT count(*) FROM import_household WHERE state = 'changed') AS hh_changed,
      (SELECT count(*) FROM import_household WHERE state = 'unchanged') AS hh_unchanged,
      (SELECT count(*) FROM import_member WHERE state = 'new') AS m_new,
      (SELECT count(*) FROM import_member WHERE state = 'changed') AS m_changed,
      (SELECT count(*) FROM import_member WHERE state = 'unchanged') AS m_unchanged,
      (SELECT count(*) FROM import_member m JOIN import_household h ON h.no_kk = m.no_kk
        WHERE m.state <> 'new' AND (m.state = 'changed' OR h.state = 'changed')) AS r_changed,
      (SELECT count(*) FROM import_household
        WHERE state = 'changed' AND desil IS NOT NULL AND desil IS DISTINCT FROM old_desil) AS desil_changes,
      (SELECT count(*) FROM import_household
        WHERE state = 'changed' AND is_extreme_poor IS NOT NULL AND is_extreme_poor IS DISTINCT FROM old_is_extreme_poor) AS extreme_changes`);
  const n = (key: string) => Number(counts?.[key] ?? 0);
  const rowsChanged = n("r_changed");
  return {
    households: { new: n("hh_new"), changed: n("hh_changed"), unchanged: n("hh_unchanged") },
    members: { new: n("m_new"), changed: n("m_changed"), unchanged: n("m_unchanged") },
    rows: { new: n("m_new"), changed: rowsChanged, unchanged: members.length - n("m_new") - rowsChanged },
    desilChanges: n("desil_changes"),
    extremePoorChanges: n("extreme_changes"),
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

/** Writes the staged rows: households first (members point at them), then members. */
export async function applyStaged(tx: Tx, options: ApplyOptions, sizes: { households: number; members: number }): Promise<void> {
  const { tenantId, importJobId, userId, source, effectiveDate, reason } = options;
  const total = sizes.households + sizes.members;
  let done = 0;
  let batch = 0;
  const step = async (size: number) => {
    done += size;
    batch += 1;
    options.onProgress?.({ phase: "write", done, total });
    await options.afterBatch?.(batch);
  };

  for (let from = 0; from < sizes.households; from += WRITE_BATCH) {
    const to = from + WRITE_BATCH;
    await tx.$executeRaw`
      INSERT INTO "HouseholdDesilChange" ("tenantId", id, "householdId", "fromDesil", "toDesil", "effectiveDate", source, "importJobId", "createdAt")
      SELECT ${tenantId}::text, ${raw(ID_SQL)}, existing_id, old_desil, desil, ${effectiveDate}::date, 'IMPORT', ${importJobId}::text, now()
      FROM import_household
      WHERE seq >= ${from}::int AND seq < ${to}::int AND state = 'changed' AND desil IS NOT NULL AND desil IS DISTINCT FROM old_desil`;
    await tx.$executeRaw`
      INSERT INTO "HouseholdStatusEvent" ("tenantId", id, "householdId", "fromStatus", "toStatus", "fromExtremePoor", "toExtremePoor",
                                          "effectiveDate", reason, source, "decidedById", "createdAt")
      SELECT ${tenantId}::text, ${raw(ID_SQL)}, existing_id, old_status, old_status, old_is_extreme_poor, is_extreme_poor,
             ${effectiveDate}::date,
             CASE WHEN is_extreme_poor THEN 'Masuk kategori miskin ekstrem: ' ELSE 'Keluar dari kategori miskin ekstrem: ' END || ${reason}::text,
             'IMPORT', ${userId}::text, now()
      FROM import_household
      WHERE seq >= ${from}::int AND seq < ${to}::int AND state = 'changed' AND is_extreme_poor IS NOT NULL
        AND is_extreme_poor IS DISTINCT FROM old_is_extreme_poor`;
    await tx.$executeRaw`
      INSERT INTO "Household" ("tenantId", id, "noKk", "registrySource", "registryId", address, rt, rw, "kecamatanId", "kelurahanId",
                               desil, "isExtremePoor", status, "createdAt", "updatedAt")
      SELECT ${tenantId}::text, new_id, no_kk, ${source}::"RegistrySource", registry_id, COALESCE(address, ''), rt, rw, kecamatan_id, kelurahan_id,
             desil, COALESCE(is_extreme_poor, false), 'ACTIVE', now(), now()
      FROM import_household
      WHERE seq >= ${from}::int AND seq < ${to}::int AND state = 'new'`;
    await tx.$executeRaw`
      UPDATE "Household" h SET
        "registryId" = COALESCE(s.registry_id, h."registryId"), address = COALESCE(s.address, h.address),
        rt = COALESCE(s.rt, h.rt), rw = COALESCE(s.rw, h.rw), "kecamatanId" = s.kecamatan_id, "kelurahanId" = s.kelurahan_id,
        desil = COALESCE(s.desil, h.desil), "isExtremePoor" = COALESCE(s.is_extreme_poor, h."isExtremePoor"), "updatedAt" = now()
      FROM import_household s
      WHERE h."tenantId" = ${tenantId} AND h.id = s.existing_id AND s.seq >= ${from}::int AND s.seq < ${to}::int AND s.state = 'changed'`;
    await step(Math.min(WRITE_BATCH, sizes.households - from));
  }

  for (let from = 0; from < sizes.members; from += WRITE_BATCH) {
    const to = from + WRITE_BATCH;
    await tx.$executeRaw`
      INSERT INTO "Member" ("tenantId", id, "householdId", nik, name, sex, "birthPlace", "birthDate", relation, education,
                            occupation, disability, "createdAt", "updatedAt")
      SELECT ${tenantId}::text, new_id, household_id, nik, name, sex, birth_place, birth_date, relation, education,
             occupation, disability, now(), now()
      FROM import_member
      WHERE seq >= ${from}::int AND seq < ${to}::int AND state = 'new'`;
    await tx.$executeRaw`
      UPDATE "Member" m SET
        "householdId" = s.household_id, name = s.name, sex = s.sex, "birthPlace" = COALESCE(s.birth_place, m."birthPlace"),
        "birthDate" = s.birth_date, relation = s.relation, education = COALESCE(s.education, m.education),
        occupation = COALESCE(s.occupation, m.occupation), disability = COALESCE(s.disability, m.disability), "updatedAt" = now()
      FROM import_member s
      WHERE m."tenantId" = ${tenantId} AND m.id = s.existing_id AND s.seq >= ${from}::int AND s.seq < ${to}::int AND s.state = 'changed'`;
    await step(Math.min(WRITE_BATCH, sizes.members - from));
  }
}

/** A fixed SQL fragment inside a tagged template (never user input). */
function raw(sql: string) {
  return PrismaSql.raw(sql);
}
