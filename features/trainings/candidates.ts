// The participant picker: people of the registry, found by name (numbers
// are not searched from a URL, see readTextQuery), listed in priority order — extreme-poor households first, then by desil
// (poorest first, unknown last), then those not yet reached this fiscal year first.
// "Reached": lib/reach, in the training's fiscal year (a training starts within its
// programme's fiscal year).
import { loadKelurahanLabels } from "@/features/areas/labels";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { maskNumber } from "@/lib/privacy/person-view";
import { readTextQuery } from "@/features/registry/search/schema";
import { memberNameStartsWith } from "@/features/registry/search/search-households";
import { reachedSql } from "@/lib/reach/reached";

export const CANDIDATE_LIMIT = 25;
/** Participants of a job training are of working age. */
export const MIN_PARTICIPANT_AGE = 15;

export type Candidate = {
  memberId: string;
  householdId: string;
  name: string;
  nikMasked: string;
  noKkMasked: string;
  kelurahan: string;
  desil: number | null;
  isExtremePoor: boolean;
  reached: boolean;
};

export type CandidateSearch = { kind: "list"; rows: Candidate[] } | { kind: "badNumber" } | { kind: "shortName" } | { kind: "numberNotHere" };

/** The latest birth date of a participant of a training starting on `startDate`. */
export function latestBirthDate(startDate: Date): Date {
  return new Date(Date.UTC(startDate.getUTCFullYear() - MIN_PARTICIPANT_AGE, startDate.getUTCMonth(), startDate.getUTCDate()));
}

type Row = Omit<Candidate, "nikMasked" | "noKkMasked"> & { nik: string; noKk: string; kelurahanId: string };

/** Up to CANDIDATE_LIMIT people for a training, best first; those already in it are left out. */
export async function findCandidates(tx: Tx, options: { tenantId: string; training: { id: string; startDate: Date }; q?: string }): Promise<CandidateSearch> {
  const text = readTextQuery(options.q, "prefix");
  if (text.kind === "badNumber" || text.kind === "shortName" || text.kind === "numberNotHere") return { kind: text.kind };
  const conditions: Prisma.Sql[] = [
    Prisma.sql`m."tenantId" = ${options.tenantId}`,
    Prisma.sql`h."status" = 'ACTIVE'`,
    Prisma.sql`m."departedAt" IS NULL`,
    Prisma.sql`m."birthDate" <= ${latestBirthDate(options.training.startDate)}`,
    Prisma.sql`NOT EXISTS (SELECT 1 FROM "TrainingParticipant" p
      WHERE p."tenantId" = m."tenantId" AND p."trainingId" = ${options.training.id} AND p."memberId" = m."id")`,
  ];
  if (text.kind === "name") conditions.push(await memberNameStartsWith(tx, text.text));
  const year = options.training.startDate.getUTCFullYear();
  const rows = await tx.$queryRaw<Row[]>`
    SELECT m."id" AS "memberId", h."id" AS "householdId", m."name", m."nik", h."noKk",
      k."name" AS "kelurahan", h."kelurahanId", h."desil", h."isExtremePoor", ${reachedSql(year)} AS "reached"
    FROM "Member" m
    JOIN "Household" h ON h."tenantId" = m."tenantId" AND h."id" = m."householdId"
    JOIN "Area" k ON k."tenantId" = h."tenantId" AND k."id" = h."kelurahanId"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY h."isExtremePoor" DESC, h."desil" ASC NULLS LAST, "reached" ASC, h."id", m."name", m."id"
    LIMIT ${CANDIDATE_LIMIT}`;
  const labels = await loadKelurahanLabels(tx);
  return {
    kind: "list",
    rows: rows.map(({ nik, noKk, kelurahanId, ...row }) => ({
      ...row,
      kelurahan: labels.get(kelurahanId) ?? row.kelurahan,
      nikMasked: maskNumber(nik),
      noKkMasked: maskNumber(noKk),
    })),
  };
}
