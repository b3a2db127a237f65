// Reads for the aid pages. Scope as for programmes: OPD roles see their own OPD's
// distributions only; Bapeda and the auditor see the whole city, read-only.
import { cappedProgrammeChoices } from "@/lib/paging/capped-choices";
import { loadKelurahanLabel } from "@/features/areas/labels";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EntryStatus } from "@/lib/generated/prisma/enums";
import type { Rupiah } from "@/lib/money";
import { programmeWhere, type ProgrammeScope } from "@/lib/auth/scope";
import { maskNik } from "@/lib/identity/nik";
import type { AidFilter } from "./filters";
import { scopeTenantId } from "@/lib/db/scope-tenant";

export const AID_PAGE_SIZE = 50;
/** Drafts listed at once, the oldest first; the head verifies a page and the next come up. 200 made a 550 kB page. */
export const AID_PENDING_PAGE = 50;

type ListOptions = { scope: ProgrammeScope; fiscalYear: number; opdId?: string | null; pageSize?: number };

const rowSelect = {
  id: true,
  opdId: true,
  kind: true,
  items: true,
  quantity: true,
  value: true,
  distributedAt: true,
  status: true,
  reversesId: true,
  returnNote: true,
  duplicateAcknowledged: true,
  createdById: true,
  partnerName: true,
  monthsCovered: true,
  programme: { select: { id: true, name: true, fiscalYear: true } },
  opd: { select: { shortName: true, name: true } },
  member: { select: { name: true } },
  reversedBy: { select: { id: true, status: true } },
  household: {
    select: {
      id: true,
      noKk: true,
      kelurahanId: true,
      members: { where: { relation: "HEAD" as const }, select: { name: true }, take: 1 },
    },
  },
} satisfies Prisma.AidDistributionSelect;

type Raw = Prisma.AidDistributionGetPayload<{ select: typeof rowSelect }>;

/** A list row: numbers masked, the household named by its head, its kelurahan by its label. */
function toRow<T extends Raw>(row: T, kelurahanLabel: (kelurahanId: string) => string) {
  const { household, reversedBy, ...rest } = row;
  return {
    ...rest,
    household: {
      id: household.id,
      noKkMasked: maskNik(household.noKk),
      headName: household.members[0]?.name ?? null,
      kelurahan: kelurahanLabel(household.kelurahanId),
    },
    reversal: reversedBy[0] ?? null,
  };
}

export type DistributionRow = ReturnType<typeof toRow<Raw>>;

function scopeWhere(options: ListOptions): Prisma.AidDistributionWhereInput {
  return { programme: { fiscalYear: options.fiscalYear, ...programmeWhere(options.scope, options.opdId) } };
}

/** The distributions a list, its totals and its export hold: the user's scope, the year (none: every year) and the page's filters. */
export function distributionWhere(
  filter: AidFilter,
  options: { scope: ProgrammeScope; fiscalYear: number | null; opdId?: string | null },
): Prisma.AidDistributionWhereInput {
  return {
    programme: { ...(options.fiscalYear ? { fiscalYear: options.fiscalYear } : {}), ...programmeWhere(options.scope, options.opdId) },
    ...(filter.program ? { programmeId: filter.program } : {}),
    ...(filter.jenis ? { kind: filter.jenis } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.kembali ? { status: "DRAFT" as const, returnedAt: filter.kembali === "1" ? { not: null } : null } : {}),
    ...(filter.bukti ? { proofRef: null, reversesId: null } : {}),
  };
}

/**
 * What the list holds in all its pages: how many entries and their value (reversals subtract), and
 * the verified part, by the list's filters (distributionWhere), added up from the programmes'
 * summary (AidDistributionTotal, kept by triggers: prisma/sql/summaries/aid-totals.sql).
 */
export async function distributionTotals(tx: Tx, filter: AidFilter, options: ListOptions) {
  const groups = await keptTotals(tx, filter, options);
  const verified = groups.find((group) => group.status === "VERIFIED");
  return {
    count: groups.reduce((sum, group) => sum + group.count, 0),
    value: groups.reduce((sum, group) => sum + group.value, 0n),
    verifiedValue: verified?.value ?? 0n,
  };
}

type StatusTotals = { status: EntryStatus; count: number; value: Rupiah };

/** The summary's rows of distributionWhere: the same scope and year, and its programme, kind, status, sent-back and proof filters. */
function keptTotals(tx: Tx, filter: AidFilter, options: Pick<ListOptions, "scope" | "fiscalYear" | "opdId">): Promise<StatusTotals[]> {
  const scope = programmeWhere(options.scope, options.opdId);
  if (scope.id) return Promise.resolve([]);
  const conditions = [Prisma.sql`p."tenantId" = ${scopeTenantId()}`];
  if (options.fiscalYear) conditions.push(Prisma.sql`p."fiscalYear" = ${options.fiscalYear}`);
  if (scope.opdId) conditions.push(Prisma.sql`p."opdId" = ${scope.opdId}`);
  if (filter.program) conditions.push(Prisma.sql`t."programmeId" = ${filter.program}`);
  if (filter.jenis) conditions.push(Prisma.sql`t."kind" = ${filter.jenis}::"AidKind"`);
  // As distributionWhere: the draft filter's status stands in for the status filter.
  if (filter.status && !filter.kembali) conditions.push(Prisma.sql`t."status" = ${filter.status}::"EntryStatus"`);
  if (filter.kembali) conditions.push(Prisma.sql`t."status" = 'DRAFT' AND t."returned" = ${filter.kembali === "1"}`);
  if (filter.bukti) conditions.push(Prisma.sql`t."unproven"`);
  return tx.$queryRaw<StatusTotals[]>`
    SELECT t."status"::text AS "status", SUM(t."entries")::int AS "count", SUM(t."amount")::bigint AS "value"
      FROM "Programme" p
      JOIN "AidDistributionTotal" t ON t."tenantId" = p."tenantId" AND t."programmeId" = p."id"
     WHERE ${Prisma.join(conditions, " AND ")}
     GROUP BY t."status"`;
}

/** One page of the distributions in scope, newest handover first, paged by key. */
export async function listDistributions(tx: Tx, filter: AidFilter, options: ListOptions) {
  const size = options.pageSize ?? AID_PAGE_SIZE;
  const where = distributionWhere(filter, options);
  const cursor = filter.after ? await tx.aidDistribution.findFirst({ where: { ...where, id: filter.after }, select: { id: true, distributedAt: true } }) : null;
  const keyset: Prisma.AidDistributionWhereInput = cursor
    ? { OR: [{ distributedAt: { lt: cursor.distributedAt } }, { distributedAt: cursor.distributedAt, id: { lt: cursor.id } }] }
    : {};
  const [rows, kelurahanLabel] = await Promise.all([
    tx.aidDistribution.findMany({ where: { AND: [where, keyset] }, select: rowSelect, orderBy: [{ distributedAt: "desc" }, { id: "desc" }], take: size + 1 }),
    loadKelurahanLabel(tx),
  ]);
  const more = rows.length > size;
  const page = (more ? rows.slice(0, size) : rows).map((row) => toRow(row, kelurahanLabel));
  return { rows: page, nextAfter: more ? page.at(-1)!.id : null, isFirstPage: !cursor };
}

/** Drafts of the year in scope awaiting the OPD head, oldest first. */
export async function pendingDistributions(tx: Tx, options: ListOptions) {
  const where = { ...scopeWhere(options), status: "DRAFT" as const };
  const [rows, count, kelurahanLabel] = await Promise.all([
    tx.aidDistribution.findMany({ where, select: rowSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: AID_PENDING_PAGE }),
    tx.aidDistribution.count({ where }),
    loadKelurahanLabel(tx),
  ]);
  return { rows: rows.map((row) => toRow(row, kelurahanLabel)), count };
}

/** One distribution in scope with who entered and verified it, or null. */
export async function getDistribution(tx: Tx, scope: ProgrammeScope, distributionId: string) {
  const row = await tx.aidDistribution.findFirst({
    where: { id: distributionId, programme: programmeWhere(scope) },
    select: {
      ...rowSelect,
      handedOverBy: true,
      proofRef: true,
      note: true,
      budgetLineId: true,
      memberId: true,
      trainingParticipantId: true,
      version: true,
      verifiedById: true,
      verifiedAt: true,
      returnNote: true,
      returnedAt: true,
      returnedById: true,
      createdAt: true,
      bpjsNumber: true,
      coverageStart: true,
      coverageEnd: true,
      premiumPerMonth: true,
      budgetLine: { select: { description: true, fundingSource: true } },
      participant: { select: { training: { select: { skill: true, startDate: true } } } },
    },
  });
  return row ? toRow(row, await loadKelurahanLabel(tx)) : null;
}

/** Programmes of the year in scope, for the list's filter: capped (lib/paging/capped-choices.ts), the selected one kept. */
export function programmeChoices(tx: Tx, options: ListOptions, selectedId?: string) {
  const where = { fiscalYear: options.fiscalYear, ...programmeWhere(options.scope, options.opdId) };
  return cappedProgrammeChoices(
    ({ take, id }) =>
      tx.programme.findMany({
        where: id ? { AND: [where, { id }] } : where,
        select: { id: true, name: true, opd: { select: { shortName: true } } },
        orderBy: [{ opd: { code: "asc" } }, { name: "asc" }, { id: "asc" }],
        take,
      }),
    { opdChosen: options.scope.kind === "opd" || Boolean(options.opdId), selectedId },
  );
}
