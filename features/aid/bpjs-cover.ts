// BPJS Ketenagakerjaan cover bought as aid, read as cover: whose cover ends this month (and is
// not renewed), and who is covered twice (two periods of one member that overlap). Cover is a
// verified premium entry, not a reversal, not cancelled by a verified reversal. OPD roles see
// the cover their own OPD paid for; a person covered twice is theirs when one of the periods
// is, and another OPD's period shows its OPD and months, not its entry.
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ProgrammeScope } from "@/lib/auth/scope";
import { cityToday } from "@/lib/calendar/city-today";
import { type YearMonth, yearMonthOf } from "@/lib/calendar/months";
import { utcDate } from "@/lib/calendar/days";
import { maskNumber } from "@/lib/privacy/person-view";

export const BPJS_PAGE_SIZE = 50;

type ListOptions = {
  scope: ProgrammeScope;
  /** A city-wide reader's pick of one OPD. */
  opdId?: string | null;
  /** 1-based. */
  page?: number;
  pageSize?: number;
};

/** The OPD a list is narrowed to: an OPD role's own (none: nothing), a city reader's pick, or every OPD. */
function scopedOpd(options: ListOptions): { opdId: string | null; nothing: boolean } {
  if (options.scope.kind === "opd") return { opdId: options.scope.opdId, nothing: !options.scope.opdId };
  return { opdId: options.opdId ?? null, nothing: false };
}

function paging(options: ListOptions) {
  const size = options.pageSize ?? BPJS_PAGE_SIZE;
  const page = Math.max(1, Math.floor(options.page ?? 1));
  return { size, page, offset: (page - 1) * size };
}

/**
 * The conditions of standing cover on the AidDistribution row named `alias`: a verified premium
 * of the city with a member and a period, not a reversal, not cancelled by a verified reversal.
 * Written per alias, not as a CTE, so each use reaches its own index ((tenantId, coverageEnd)
 * for the month's list, (tenantId, memberId, coverageStart) for one member's other periods).
 */
const standing = (alias: string, tenantId: string) => {
  const d = Prisma.raw(`"${alias}"`);
  return Prisma.sql`${d}."tenantId" = ${tenantId}
     AND ${d}."kind" = 'INSURANCE_PREMIUM'
     AND ${d}."status" = 'VERIFIED'
     AND ${d}."reversesId" IS NULL
     AND ${d}."memberId" IS NOT NULL
     AND ${d}."coverageStart" IS NOT NULL
     AND ${d}."coverageEnd" IS NOT NULL
     AND NOT EXISTS (
       SELECT 1 FROM "AidDistribution" r
        WHERE r."tenantId" = ${d}."tenantId" AND r."reversesId" = ${d}."id" AND r."status" = 'VERIFIED'
     )`;
};

type CoverRow = {
  distributionId: string;
  opdId: string;
  opd: string;
  programme: string;
  memberId: string;
  memberName: string;
  householdId: string;
  coverageStart: Date;
  coverageEnd: Date;
  monthsCovered: number;
  bpjsNumber: string | null;
};

/** A KPJ number as a list shows it: its last four digits, to everyone. */
const masked = (number: string | null) => (number ? maskNumber(number) : null);

/**
 * Cover whose last month is this month in the city's time zone, with no cover of the same
 * member carrying on from next month; by member name, a page at a time, with the count.
 */
export async function coverEndingThisMonth(tx: Tx, options: ListOptions & { tenantId: string; now?: Date }) {
  const today = await cityToday(tx, options.tenantId, options.now);
  const month: YearMonth = yearMonthOf(today);
  const { opdId, nothing } = scopedOpd(options);
  const { size, page, offset } = paging(options);
  if (nothing) return { month, rows: [] as CoverRow[], count: 0, page, pageCount: 0 };

  const first = utcDate(month.year, month.month, 1);
  const ending = Prisma.sql`
    SELECT c."id", c."opdId", c."programmeId", c."memberId", c."householdId", c."coverageStart", c."coverageEnd", c."monthsCovered", c."bpjsNumber"
      FROM "AidDistribution" c
     WHERE ${standing("c", options.tenantId)}
       AND c."coverageEnd" = ${first}::date
       ${opdId ? Prisma.sql`AND c."opdId" = ${opdId}` : Prisma.empty}
       AND NOT EXISTS (
         SELECT 1 FROM "AidDistribution" n
          WHERE ${standing("n", options.tenantId)}
            AND n."memberId" = c."memberId" AND n."coverageEnd" > c."coverageEnd"
            AND n."coverageStart" <= (c."coverageEnd" + INTERVAL '1 month')::date
       )`;
  const [rows, [counted]] = await Promise.all([
    tx.$queryRaw<(Omit<CoverRow, "distributionId"> & { id: string })[]>`
      SELECT e."id", e."opdId", o."shortName" AS "opd", p."name" AS "programme", e."memberId", m."name" AS "memberName", e."householdId",
             e."coverageStart", e."coverageEnd", e."monthsCovered", e."bpjsNumber"
        FROM (${ending}) e
        JOIN "Member" m ON m."tenantId" = ${options.tenantId} AND m."id" = e."memberId"
        JOIN "Opd" o ON o."tenantId" = ${options.tenantId} AND o."id" = e."opdId"
        JOIN "Programme" p ON p."tenantId" = ${options.tenantId} AND p."id" = e."programmeId"
       ORDER BY m."name", e."id"
       LIMIT ${size} OFFSET ${offset}`,
    tx.$queryRaw<{ count: number }[]>`SELECT COUNT(*)::int AS "count" FROM (${ending}) e`,
  ]);
  const count = counted?.count ?? 0;
  return {
    month,
    rows: rows.map(({ id, ...row }) => ({ ...row, distributionId: id, bpjsNumber: masked(row.bpjsNumber) })),
    count,
    page,
    pageCount: Math.ceil(count / size),
  };
}

export type CoveredTwiceRow = {
  memberId: string;
  memberName: string;
  householdId: string;
  /** Another OPD's period (for an OPD role) has neither its entry nor its programme. */
  covers: {
    distributionId: string | null;
    opd: string;
    programme: string | null;
    coverageStart: Date;
    coverageEnd: Date;
    monthsCovered: number;
    bpjsNumber: string | null;
  }[];
};

/**
 * Members with two periods of cover that overlap (a month in common), whatever OPD paid for
 * them; for an OPD role, those where one of the periods is its own. By member name, a page of
 * people at a time, with the count of people; each with the periods that overlap another.
 */
export async function coveredTwice(
  tx: Tx,
  options: ListOptions & { tenantId: string },
): Promise<{ rows: CoveredTwiceRow[]; count: number; page: number; pageCount: number }> {
  const { tenantId } = options;
  const { opdId, nothing } = scopedOpd(options);
  const { size, page, offset } = paging(options);
  if (nothing) return { rows: [], count: 0, page, pageCount: 0 };
  const ownOnly = options.scope.kind === "opd";

  const overlapping = Prisma.sql`
    SELECT a."id", a."opdId", a."programmeId", a."memberId", a."householdId", a."coverageStart", a."coverageEnd", a."monthsCovered", a."bpjsNumber"
      FROM "AidDistribution" a
     WHERE ${standing("a", tenantId)}
       AND EXISTS (
         SELECT 1 FROM "AidDistribution" b
          WHERE ${standing("b", tenantId)}
            AND b."memberId" = a."memberId" AND b."id" <> a."id"
            AND b."coverageStart" <= a."coverageEnd" AND a."coverageStart" <= b."coverageEnd"
       )`;
  const people = Prisma.sql`
    SELECT o."memberId" FROM (${overlapping}) o
     GROUP BY o."memberId"
    ${opdId ? Prisma.sql`HAVING bool_or(o."opdId" = ${opdId})` : Prisma.empty}`;

  const [people_, [counted]] = await Promise.all([
    tx.$queryRaw<{ memberId: string; memberName: string; householdId: string }[]>`
      SELECT m."id" AS "memberId", m."name" AS "memberName", m."householdId"
        FROM (${people}) p
        JOIN "Member" m ON m."tenantId" = ${tenantId} AND m."id" = p."memberId"
       ORDER BY m."name", m."id"
       LIMIT ${size} OFFSET ${offset}`,
    tx.$queryRaw<{ count: number }[]>`SELECT COUNT(*)::int AS "count" FROM (${people}) p`,
  ]);
  const memberIds = people_.map((row) => row.memberId);
  const covers =
    memberIds.length === 0
      ? []
      : await tx.$queryRaw<
          {
            id: string;
            opdId: string;
            opd: string;
            programme: string;
            memberId: string;
            coverageStart: Date;
            coverageEnd: Date;
            monthsCovered: number;
            bpjsNumber: string | null;
          }[]
        >`
          SELECT c."id", c."opdId", o."shortName" AS "opd", p."name" AS "programme", c."memberId", c."coverageStart", c."coverageEnd", c."monthsCovered", c."bpjsNumber"
            FROM (${overlapping}) c
            JOIN "Opd" o ON o."tenantId" = ${tenantId} AND o."id" = c."opdId"
            JOIN "Programme" p ON p."tenantId" = ${tenantId} AND p."id" = c."programmeId"
           WHERE c."memberId" IN (${Prisma.join(memberIds)})
           ORDER BY c."coverageStart", c."id"`;
  const count = counted?.count ?? 0;
  return {
    rows: people_.map((person) => ({
      ...person,
      covers: covers
        .filter((c) => c.memberId === person.memberId)
        .map((c) => {
          const shown = !ownOnly || c.opdId === opdId;
          return {
            distributionId: shown ? c.id : null,
            opd: c.opd,
            programme: shown ? c.programme : null,
            coverageStart: c.coverageStart,
            coverageEnd: c.coverageEnd,
            monthsCovered: c.monthsCovered,
            bpjsNumber: masked(c.bpjsNumber),
          };
        }),
    })),
    count,
    page,
    pageCount: Math.ceil(count / size),
  };
}
