// The participant picker: people of the registry, found by name (numbers
// are not searched from a URL, see readTextQuery), listed in priority order — extreme-poor households first, then by desil
// (poorest first, unknown last), then those not yet reached this fiscal year first.
// "Reached": lib/reach, in the training's fiscal year (a training starts within its
// programme's fiscal year).
//
// One seat per family: a programme counted in households (Programme.targetUnit HOUSEHOLD)
// reaches a family once, so by default the list offers each household once, through its
// seat holder; the clerk can ask for every member. Seat order within a family, which is
// also the order of its members when all are listed:
//   1. of working age (15–64 at the training's start) before the elderly — it is a job training;
//   2. the head, then the spouse, then the others;
//   3. the eldest first.
// So a family's seat is normally its head's, and a working-age child's when the head is 65 or over.
import { loadKelurahanLabels } from "@/features/areas/labels";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { FamilyRelation, TargetUnit } from "@/lib/generated/prisma/enums";
import { ageOn } from "@/lib/calendar/days";
import { maskNumber } from "@/lib/privacy/person-view";
import { readTextQuery } from "@/features/registry/search/schema";
import { memberNameStartsWith } from "@/features/registry/search/search-households";
import { reachedSql } from "@/lib/reach/reached";

export const CANDIDATE_LIMIT = 25;
/** Participants of a job training are of working age. */
export const MIN_PARTICIPANT_AGE = 15;
/** From this age on a member takes a family's seat only when no one younger can. */
export const SENIOR_AGE = 65;

export type Candidate = {
  memberId: string;
  householdId: string;
  name: string;
  /** Age at the training's start: the birth date itself is not shown here. */
  age: number;
  relation: FamilyRelation;
  nikMasked: string;
  noKkMasked: string;
  kelurahan: string;
  desil: number | null;
  isExtremePoor: boolean;
  reached: boolean;
};

export type CandidateSearch = { kind: "list"; rows: Candidate[] } | { kind: "badNumber" } | { kind: "shortName" } | { kind: "numberNotHere" };

export type CandidateTraining = { id: string; startDate: Date; programme: { targetUnit: TargetUnit } };

/** The birth date of someone turning `age` on `day`. */
function bornYearsBefore(day: Date, age: number): Date {
  return new Date(Date.UTC(day.getUTCFullYear() - age, day.getUTCMonth(), day.getUTCDate()));
}

/** The latest birth date of a participant of a training starting on `startDate`. */
export function latestBirthDate(startDate: Date): Date {
  return bornYearsBefore(startDate, MIN_PARTICIPANT_AGE);
}

/** One seat per family unless asked otherwise: on for a household programme, off for a person-level one. */
export function onePerHouseholdByDefault(targetUnit: TargetUnit): boolean {
  return targetUnit === "HOUSEHOLD";
}

type Row = Omit<Candidate, "nikMasked" | "noKkMasked" | "age" | "kelurahan"> & { nik: string; noKk: string; kelurahanId: string; birthDate: Date };

/** Up to CANDIDATE_LIMIT people for a training, best first; those already in it are left out. */
export async function findCandidates(
  tx: Tx,
  options: {
    tenantId: string;
    training: CandidateTraining;
    q?: string;
    /** At most one member per household; by default as onePerHouseholdByDefault says. */
    onePerHousehold?: boolean;
  },
): Promise<CandidateSearch> {
  const text = readTextQuery(options.q, "prefix");
  if (text.kind === "badNumber" || text.kind === "shortName" || text.kind === "numberNotHere") return { kind: text.kind };
  const { training } = options;
  const onePerHousehold = options.onePerHousehold ?? onePerHouseholdByDefault(training.programme.targetUnit);
  const memberConditions: Prisma.Sql[] = [
    Prisma.sql`m."departedAt" IS NULL`,
    Prisma.sql`m."birthDate" <= ${latestBirthDate(training.startDate)}`,
    Prisma.sql`NOT EXISTS (SELECT 1 FROM "TrainingParticipant" p
      WHERE p."tenantId" = m."tenantId" AND p."trainingId" = ${training.id} AND p."memberId" = m."id")`,
  ];
  const senior = bornYearsBefore(training.startDate, SENIOR_AGE);
  // The seat order within a family (see the top of the file), as columns of the member `m`.
  const seatColumns = Prisma.sql`(m."birthDate" <= ${senior}) AS "senior",
    CASE m."relation" WHEN 'HEAD' THEN 0 WHEN 'SPOUSE' THEN 1 ELSE 2 END AS "relationRank"`;
  const seatOrder = Prisma.sql`"senior", "relationRank", "birthDate", "memberId"`;
  const memberColumns = Prisma.sql`m."id" AS "memberId", m."name", m."nik", m."relation"::text AS "relation", m."birthDate", ${seatColumns}`;
  const year = training.startDate.getUTCFullYear();

  let rows: Row[];
  if (text.kind === "name") {
    // A name search starts from the members named so (the name index), then keeps each
    // family's first in seat order when one seat per family is asked for.
    const named = await memberNameStartsWith(tx, text.text);
    rows = await tx.$queryRaw<Row[]>`
      SELECT * FROM (
        SELECT ${onePerHousehold ? Prisma.sql`DISTINCT ON (h."id")` : Prisma.empty}
          ${memberColumns}, h."id" AS "householdId", h."noKk", h."kelurahanId", h."desil", h."isExtremePoor", ${reachedSql(year)} AS "reached"
        FROM "Member" m
        JOIN "Household" h ON h."tenantId" = m."tenantId" AND h."id" = m."householdId"
        WHERE m."tenantId" = ${options.tenantId} AND h."status" = 'ACTIVE' AND ${named} AND ${Prisma.join(memberConditions, " AND ")}
        ORDER BY h."id", ${seatOrder}
      ) c
      ORDER BY c."isExtremePoor" DESC, c."desil" ASC NULLS LAST, c."reached" ASC, c."householdId", ${seatOrder}
      LIMIT ${CANDIDATE_LIMIT}`;
  } else {
    // The whole registry, in four parts that each follow an index instead of sorting the
    // city: extreme-poor or not (the index on tenant, isExtremePoor, desil, id) × reached this
    // year or not (a semi- or anti-join the planner may drive from either side). Each part
    // walks its households in desil order, asks each for its eligible members, and stops
    // after CANDIDATE_LIMIT rows; the at most 4 × CANDIDATE_LIMIT rows are then put in order.
    const part = (extreme: boolean, reached: boolean) => Prisma.sql`(
      SELECT ${memberColumns}, h."id" AS "householdId", h."noKk", h."kelurahanId", h."desil", h."isExtremePoor", ${Prisma.raw(String(reached))} AS "reached"
      FROM "Household" h
      CROSS JOIN LATERAL (
        SELECT m.* FROM "Member" m
        WHERE m."tenantId" = h."tenantId" AND m."householdId" = h."id" AND ${Prisma.join(memberConditions, " AND ")}
        ORDER BY (m."birthDate" <= ${senior}), CASE m."relation" WHEN 'HEAD' THEN 0 WHEN 'SPOUSE' THEN 1 ELSE 2 END, m."birthDate", m."id"
        ${onePerHousehold ? Prisma.sql`LIMIT 1` : Prisma.empty}
      ) m
      WHERE h."tenantId" = ${options.tenantId} AND h."status" = 'ACTIVE' AND h."isExtremePoor" = ${Prisma.raw(String(extreme))}
        AND ${reached ? Prisma.empty : Prisma.sql`NOT`} ${reachedSql(year)}
      ORDER BY h."desil" ASC NULLS LAST, h."id", ${seatOrder}
      LIMIT ${CANDIDATE_LIMIT})`;
    rows = await tx.$queryRaw<Row[]>`
      SELECT * FROM (${Prisma.join([part(true, false), part(true, true), part(false, false), part(false, true)], " UNION ALL ")}) c
      ORDER BY c."isExtremePoor" DESC, c."desil" ASC NULLS LAST, c."reached" ASC, c."householdId", ${seatOrder}
      LIMIT ${CANDIDATE_LIMIT}`;
  }
  const labels = await loadKelurahanLabels(tx);
  return {
    kind: "list",
    rows: rows.map((row) => ({
      memberId: row.memberId,
      householdId: row.householdId,
      name: row.name,
      age: Math.max(0, ageOn(row.birthDate, training.startDate)),
      relation: row.relation,
      nikMasked: maskNumber(row.nik),
      noKkMasked: maskNumber(row.noKk),
      kelurahan: labels.get(row.kelurahanId) ?? "",
      desil: row.desil,
      isExtremePoor: row.isExtremePoor,
      reached: row.reached,
    })),
  };
}
