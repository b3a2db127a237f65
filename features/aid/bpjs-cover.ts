// BPJS Ketenagakerjaan cover bought as aid, read as cover: whose cover ends this month (and is
// not renewed), and who is covered twice (two periods of one member that overlap). Cover is a
// verified premium entry, not a reversal, not cancelled by a verified reversal. OPD roles see
// the cover their own OPD paid for; a person covered twice is theirs when one of the periods
// is, and another OPD's period shows its OPD and months, not its entry.
// Who belongs on each list is kept by triggers (prisma/sql/summaries/bpjs-cover.sql: BpjsCoverEnd,
// BpjsDoubleCover), so a page is read by key from an index in the list's order, and counted
// there; only the page's own entries are read from AidDistribution.
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ProgrammeScope } from "@/lib/auth/scope";
import { cityToday } from "@/lib/calendar/city-today";
import { type YearMonth, yearMonthOf } from "@/lib/calendar/months";
import { utcDate } from "@/lib/calendar/days";
import { keyPageOf, type KeyCursor, type KeyPage } from "@/lib/paging/key-page";
import { maskNumber } from "@/lib/privacy/person-view";

export const BPJS_PAGE_SIZE = 50;

type ListOptions = {
  scope: ProgrammeScope;
  /** A city-wide reader's pick of one OPD. */
  opdId?: string | null;
  /** The page: after or before the row of this id (the entry's for cover ending, the member's for covered twice). */
  cursor?: KeyCursor;
  pageSize?: number;
};

/** The OPD a list is narrowed to: an OPD role's own (none: nothing), a city reader's pick, or every OPD. */
function scopedOpd(options: ListOptions): { opdId: string | null; nothing: boolean } {
  if (options.scope.kind === "opd") return { opdId: options.scope.opdId, nothing: !options.scope.opdId };
  return { opdId: options.opdId ?? null, nothing: false };
}

const emptyPage = <Row>(): KeyPage<Row> => ({ rows: [], total: 0, nextAfter: null, prevBefore: null, cursorLost: false });

/**
 * A page of a summary in the order (member name, key), read by key: `where` picks the list's
 * rows, `key` names the key column. Answers the keys of the page (size + 1 read, to tell there
 * is more) and what keyPageOf needs besides: the direction, the cursor's row found, the count.
 */
async function summaryPage(
  tx: Tx,
  options: { table: "BpjsCoverEnd" | "BpjsDoubleCover"; key: "distributionId" | "memberId"; where: Prisma.Sql; cursor: KeyCursor; size: number },
) {
  const table = Prisma.raw(`"${options.table}"`);
  const key = Prisma.raw(`s."${options.key}"`);
  const cursorId = options.cursor.after ?? options.cursor.before;
  const [at] = cursorId
    ? await tx.$queryRaw<{ name: string; id: string }[]>`
        SELECT s."memberName" AS "name", ${key} AS "id" FROM ${table} s WHERE ${options.where} AND ${key} = ${cursorId}`
    : [];
  const backwards = Boolean(at && !options.cursor.after);
  const keyset = at
    ? backwards
      ? Prisma.sql`AND (s."memberName", ${key}) < (${at.name}, ${at.id})`
      : Prisma.sql`AND (s."memberName", ${key}) > (${at.name}, ${at.id})`
    : Prisma.empty;
  const order = backwards ? Prisma.sql`s."memberName" DESC, ${key} DESC` : Prisma.sql`s."memberName", ${key}`;
  const [found, [counted]] = await Promise.all([
    tx.$queryRaw<{ id: string }[]>`
      SELECT ${key} AS "id" FROM ${table} s WHERE ${options.where} ${keyset} ORDER BY ${order} LIMIT ${options.size + 1}`,
    tx.$queryRaw<{ count: number }[]>`SELECT COUNT(*)::int AS "count" FROM ${table} s WHERE ${options.where}`,
  ]);
  return { found, paging: { size: options.size, backwards, cursorFound: Boolean(at), cursorAsked: Boolean(cursorId), total: counted?.count ?? 0 } };
}

/** The page's rows in the order of the keys read, as keyPageOf takes them. */
function inKeyOrder<Row>(keys: { id: string }[], rows: Map<string, Row>): (Row & { id: string })[] {
  return keys.flatMap(({ id }) => {
    const row = rows.get(id);
    return row ? [{ ...row, id }] : [];
  });
}

/**
 * The conditions of standing cover on the AidDistribution row named `alias`: a verified premium
 * of the city with a member and a period, not a reversal, not cancelled by a verified reversal.
 * Written per alias, not as a CTE, so each use reaches the (tenantId, memberId, coverageStart)
 * index for one member's periods. The summaries' triggers hold the same rule in SQL.
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
 * member carrying on from next month; by member name, a page at a time (by key), with the count.
 */
export async function coverEndingThisMonth(tx: Tx, options: ListOptions & { tenantId: string; now?: Date }): Promise<KeyPage<CoverRow> & { month: YearMonth }> {
  const { tenantId } = options;
  const today = await cityToday(tx, tenantId, options.now);
  const month: YearMonth = yearMonthOf(today);
  const { opdId, nothing } = scopedOpd(options);
  if (nothing) return { month, ...emptyPage<CoverRow>() };

  const size = options.pageSize ?? BPJS_PAGE_SIZE;
  const first = utcDate(month.year, month.month, 1);
  const where = Prisma.sql`s."tenantId" = ${tenantId} AND s."coverageEnd" = ${first}::date ${opdId ? Prisma.sql`AND s."opdId" = ${opdId}` : Prisma.empty}`;
  const read = await summaryPage(tx, { table: "BpjsCoverEnd", key: "distributionId", where, cursor: options.cursor ?? {}, size });
  const ids = read.found.map((row) => row.id);
  const details =
    ids.length === 0
      ? []
      : await tx.$queryRaw<(Omit<CoverRow, "distributionId"> & { id: string })[]>`
          SELECT c."id", c."opdId", o."shortName" AS "opd", p."name" AS "programme", c."memberId", m."name" AS "memberName", c."householdId",
                 c."coverageStart", c."coverageEnd", c."monthsCovered", c."bpjsNumber"
            FROM "AidDistribution" c
            JOIN "Member" m ON m."tenantId" = ${tenantId} AND m."id" = c."memberId"
            JOIN "Opd" o ON o."tenantId" = ${tenantId} AND o."id" = c."opdId"
            JOIN "Programme" p ON p."tenantId" = ${tenantId} AND p."id" = c."programmeId"
           WHERE c."tenantId" = ${tenantId} AND c."id" IN (${Prisma.join(ids)})`;
  const rows = new Map(details.map(({ id, ...row }) => [id, { ...row, distributionId: id, bpjsNumber: masked(row.bpjsNumber) }]));
  const page = keyPageOf(inKeyOrder(read.found, rows), read.paging);
  return { month, ...page, rows: page.rows.map(({ id: _id, ...row }) => row) };
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
 * people at a time (by key), with the count of people; each with the periods that overlap another.
 */
export async function coveredTwice(tx: Tx, options: ListOptions & { tenantId: string }): Promise<KeyPage<CoveredTwiceRow>> {
  const { tenantId } = options;
  const { opdId, nothing } = scopedOpd(options);
  if (nothing) return emptyPage<CoveredTwiceRow>();
  const ownOnly = options.scope.kind === "opd";

  const size = options.pageSize ?? BPJS_PAGE_SIZE;
  const where = Prisma.sql`s."tenantId" = ${tenantId} ${opdId ? Prisma.sql`AND ${opdId} = ANY(s."opdIds")` : Prisma.empty}`;
  const read = await summaryPage(tx, { table: "BpjsDoubleCover", key: "memberId", where, cursor: options.cursor ?? {}, size });
  const memberIds = read.found.map((row) => row.id);
  if (memberIds.length === 0) return keyPageOf<CoveredTwiceRow & { id: string }>([], read.paging);

  const [people, covers] = await Promise.all([
    tx.$queryRaw<{ memberId: string; memberName: string; householdId: string }[]>`
      SELECT m."id" AS "memberId", m."name" AS "memberName", m."householdId"
        FROM "Member" m WHERE m."tenantId" = ${tenantId} AND m."id" IN (${Prisma.join(memberIds)})`,
    tx.$queryRaw<
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
      SELECT a."id", a."opdId", o."shortName" AS "opd", p."name" AS "programme", a."memberId", a."coverageStart", a."coverageEnd", a."monthsCovered", a."bpjsNumber"
        FROM "AidDistribution" a
        JOIN "Opd" o ON o."tenantId" = ${tenantId} AND o."id" = a."opdId"
        JOIN "Programme" p ON p."tenantId" = ${tenantId} AND p."id" = a."programmeId"
       WHERE ${standing("a", tenantId)}
         AND a."memberId" IN (${Prisma.join(memberIds)})
         AND EXISTS (
           SELECT 1 FROM "AidDistribution" b
            WHERE ${standing("b", tenantId)}
              AND b."memberId" = a."memberId" AND b."id" <> a."id"
              AND b."coverageStart" <= a."coverageEnd" AND a."coverageStart" <= b."coverageEnd"
         )
       ORDER BY a."coverageStart", a."id"`,
  ]);
  const rows = new Map<string, CoveredTwiceRow>(
    people.map((person) => [
      person.memberId,
      {
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
      },
    ]),
  );
  const page = keyPageOf(inKeyOrder(read.found, rows), read.paging);
  return { ...page, rows: page.rows.map(({ id: _id, ...row }) => row) };
}
