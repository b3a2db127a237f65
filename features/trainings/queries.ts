// Reads for the training pages. Scope as for programmes: OPD roles see their own OPD's
// trainings only; city-wide readers (Bapeda, auditor) see all, read-only.
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { programmeWhere, type ProgrammeScope } from "@/lib/auth/scope";
import type { TrainingOutcome } from "@/lib/generated/prisma/enums";
import { maskNik } from "@/lib/identity/nik";
import { followUpState } from "@/lib/reach/follow-up-state";
import { userNames } from "@/features/users/queries";
import { keyPageOf, type KeyCursor, type KeyPage } from "@/lib/paging/key-page";
import { scopeTenantId } from "@/lib/db/scope-tenant";

/** The status filter's values; "no-attendance": trainings begun by `today`, with participants and no attendance recorded. */
export const TRAINING_STATUSES = ["draft", "verified", "cancelled", "no-attendance"] as const;
export type TrainingStatusFilter = (typeof TRAINING_STATUSES)[number];

export type TrainingFilter = {
  scope: ProgrammeScope;
  year: number;
  opdId?: string | null;
  programmeId?: string;
  status?: TrainingStatusFilter;
  /** The city's today, what "begun" means for "no-attendance" (lib/calendar/city-today.ts); only that filter reads it. */
  today?: Date;
  /**
   * "0": trainings with a draft (the training or a participant) waiting for the OPD head;
   * "1": those with a draft the head sent back to the clerk (as the aid list's `kembali`).
   */
  kembali?: "0" | "1";
};

/** A training's or participant's draft waiting for the head ("0") or sent back ("1"). */
const draftOf = (kembali: "0" | "1") => ({ status: "DRAFT" as const, returnedAt: kembali === "1" ? { not: null } : null });

/** Trainings counted in figures: verified and not cancelled. */
export const countedTraining = { status: "VERIFIED", cancelledAt: null } as const satisfies Prisma.TrainingWhereInput;
/** Participants counted in figures: verified, not withdrawn, of a counted training. */
export const countedParticipant = {
  status: "VERIFIED",
  completion: { not: "DROPPED" },
  training: countedTraining,
} as const satisfies Prisma.TrainingParticipantWhereInput;

export function trainingWhere(filter: TrainingFilter): Prisma.TrainingWhereInput {
  const statusWhere: Record<TrainingStatusFilter, Prisma.TrainingWhereInput> = {
    draft: { status: "DRAFT" },
    verified: countedTraining,
    cancelled: { cancelledAt: { not: null } },
    "no-attendance": {
      cancelledAt: null,
      startDate: { lte: filter.today ?? new Date() },
      // Counted from the training's tally (kept by triggers), not from its participants.
      tally: { enrolled: { gt: 0 }, attended: 0 },
    },
  };
  return {
    programme: { fiscalYear: filter.year, ...programmeWhere(filter.scope, filter.opdId) },
    ...(filter.programmeId ? { programmeId: filter.programmeId } : {}),
    ...(filter.status ? statusWhere[filter.status] : {}),
    AND: [
      { startDate: startsIn(filter.year) },
      // The training carries its programme's OPD (written from the writer's own OPD, whose
      // programmes alone it may use): the OPD's trainings are a range of its own index.
      programmeWhere(filter.scope, filter.opdId),
      ...(filter.kembali ? [{ cancelledAt: null }, { OR: [draftOf(filter.kembali), { participants: { some: draftOf(filter.kembali) } }] }] : []),
    ],
  };
}

/**
 * The start dates of a fiscal year. A training starts in its programme's year (trainings.ts
 * refuses any other date, and a programme's year is fixed once it has trainings), so the year's
 * trainings are one range of the start-date indexes rather than every training of the city.
 */
export function startsIn(year: number): { gte: Date; lt: Date } {
  return { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) };
}

/** Trainings on one page of the list; the list is paged by key (lib/paging/key-page.ts). */
export const TRAINING_PAGE_SIZE = 50;

const trainingRowSelect = {
  id: true,
  skill: true,
  startDate: true,
  endDate: true,
  place: true,
  capacity: true,
  status: true,
  cancelledAt: true,
  programme: { select: { id: true, name: true } },
  opd: { select: { shortName: true } },
  tally: { select: { verified: true, pending: true } },
} as const satisfies Prisma.TrainingSelect;

export type TrainingListRow = Omit<Prisma.TrainingGetPayload<{ select: typeof trainingRowSelect }>, "tally"> & {
  verifiedParticipants: number;
  pendingParticipants: number;
};

/**
 * One page of the trainings of the year in scope, newest first (start date, then id), each with
 * its participant counts, and how many the filter finds in all.
 */
export async function trainingPage(
  tx: Tx,
  filter: TrainingFilter,
  cursor: KeyCursor = {},
  size: number = TRAINING_PAGE_SIZE,
): Promise<KeyPage<TrainingListRow>> {
  const where = trainingWhere(filter);
  const cursorId = cursor.after ?? cursor.before;
  const at = cursorId ? await tx.training.findFirst({ where: { AND: [where, { id: cursorId }] }, select: { id: true, startDate: true } }) : null;
  const backwards = Boolean(at && !cursor.after);
  // The list runs start date descending, id ascending; going back reads it reversed.
  const keyset: Prisma.TrainingWhereInput = at
    ? backwards
      ? { OR: [{ startDate: { gt: at.startDate } }, { startDate: at.startDate, id: { lt: at.id } }] }
      : { OR: [{ startDate: { lt: at.startDate } }, { startDate: at.startDate, id: { gt: at.id } }] }
    : {};
  const [found, total] = await Promise.all([
    tx.training.findMany({
      where: { AND: [where, keyset] },
      select: trainingRowSelect,
      orderBy: backwards ? [{ startDate: "asc" }, { id: "desc" }] : [{ startDate: "desc" }, { id: "asc" }],
      take: size + 1,
    }),
    tx.training.count({ where }),
  ]);
  const page = keyPageOf(found, { size, total, backwards, cursorFound: Boolean(at), cursorAsked: Boolean(cursorId) });
  return {
    ...page,
    rows: page.rows.map(({ tally, ...row }) => ({ ...row, verifiedParticipants: tally?.verified ?? 0, pendingParticipants: tally?.pending ?? 0 })),
  };
}

export type TrainingFigures = {
  trainings: number;
  participants: number;
  completed: number;
  certificates: number;
  pendingTrainings: number;
  pendingParticipants: number;
};

/**
 * Verified figures and what awaits verification, for a set of trainings; summed from each
 * training's tally (kept by triggers), so a year's figures read one row per training, not every
 * participant of the year.
 */
export async function trainingFigures(tx: Tx, where: Prisma.TrainingWhereInput): Promise<TrainingFigures> {
  const [trainings, counted, pendingTrainings, pending] = await Promise.all([
    tx.training.count({ where: { ...where, ...countedTraining } }),
    tx.trainingTally.aggregate({ where: { training: { ...where, ...countedTraining } }, _sum: { verified: true, completed: true, certificates: true } }),
    tx.training.count({ where: { ...where, status: "DRAFT" } }),
    tx.trainingTally.aggregate({ where: { training: { ...where, cancelledAt: null } }, _sum: { pending: true } }),
  ]);
  return {
    trainings,
    participants: counted._sum.verified ?? 0,
    completed: counted._sum.completed ?? 0,
    certificates: counted._sum.certificates ?? 0,
    pendingTrainings,
    pendingParticipants: pending._sum.pending ?? 0,
  };
}

/**
 * The figures of the year in scope (the list page's summary): trainingFigures of the year,
 * OPD and programme asked (the draft filter and status narrow the table only), in one
 * statement that reads the year's range of trainings (of the OPD in scope) once, each with
 * its tally, instead of four reads of the city's.
 */
export async function yearFigures(tx: Tx, filter: Pick<TrainingFilter, "scope" | "year" | "opdId" | "programmeId">): Promise<TrainingFigures> {
  const opd = programmeWhere(filter.scope, filter.opdId);
  if (opd.id) return { trainings: 0, participants: 0, completed: 0, certificates: 0, pendingTrainings: 0, pendingParticipants: 0 };
  const year = startsIn(filter.year);
  const parts = [
    Prisma.sql`t."tenantId" = ${scopeTenantId()}`,
    Prisma.sql`t."startDate" >= ${year.gte} AND t."startDate" < ${year.lt}`,
    Prisma.sql`p."fiscalYear" = ${filter.year}`,
  ];
  if (opd.opdId) parts.push(Prisma.sql`t."opdId" = ${opd.opdId} AND p."opdId" = ${opd.opdId}`);
  if (filter.programmeId) parts.push(Prisma.sql`t."programmeId" = ${filter.programmeId}`);
  const counted = Prisma.sql`t.status = 'VERIFIED' AND t."cancelledAt" IS NULL`;
  const [row] = await tx.$queryRaw<TrainingFigures[]>`
    SELECT count(*) FILTER (WHERE ${counted})::int AS trainings,
           coalesce(sum(y.verified) FILTER (WHERE ${counted}), 0)::int AS participants,
           coalesce(sum(y.completed) FILTER (WHERE ${counted}), 0)::int AS completed,
           coalesce(sum(y.certificates) FILTER (WHERE ${counted}), 0)::int AS certificates,
           count(*) FILTER (WHERE t.status = 'DRAFT')::int AS "pendingTrainings",
           coalesce(sum(y.pending) FILTER (WHERE t."cancelledAt" IS NULL), 0)::int AS "pendingParticipants"
      FROM "Training" t
      JOIN "Programme" p ON p."tenantId" = t."tenantId" AND p.id = t."programmeId"
      LEFT JOIN "TrainingTally" y ON y."tenantId" = t."tenantId" AND y."trainingId" = t.id
     WHERE ${Prisma.join(parts, " AND ")}`;
  return row ?? { trainings: 0, participants: 0, completed: 0, certificates: 0, pendingTrainings: 0, pendingParticipants: 0 };
}

/** One training in scope with its programme and OPD, or null. */
export function getTraining(tx: Tx, scope: ProgrammeScope, trainingId: string) {
  return tx.training.findFirst({
    where: { id: trainingId, programme: programmeWhere(scope) },
    include: {
      programme: { select: { id: true, name: true, fiscalYear: true, targetUnit: true } },
      opd: { select: { id: true, shortName: true, name: true } },
    },
  });
}

export type ParticipantRow = Awaited<ReturnType<typeof trainingParticipants>>[number];

/**
 * A training's participants (numbers masked), their attendance, where their follow-ups stand,
 * and the head's note on a returned draft with who wrote it.
 */
export async function trainingParticipants(tx: Tx, trainingId: string) {
  const rows = await tx.trainingParticipant.findMany({
    where: { trainingId },
    select: {
      id: true,
      householdId: true,
      completion: true,
      certificateNo: true,
      status: true,
      dropReason: true,
      createdAt: true,
      returnNote: true,
      returnedAt: true,
      returnedById: true,
      member: { select: { name: true, nik: true } },
      household: { select: { noKk: true, desil: true, isExtremePoor: true } },
      attendances: { select: { date: true, present: true } },
      followUps: { select: { monthsAfter: true, dueDate: true, outcome: true }, orderBy: { monthsAfter: "asc" } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const names = await userNames(
    tx,
    rows.map((row) => row.returnedById),
  );
  return rows.map(({ member, household, ...row }) => ({
    ...row,
    followUp: followUpState(row.followUps),
    returnedByName: row.returnedById ? (names.get(row.returnedById) ?? null) : null,
    name: member.name,
    nikMasked: maskNik(member.nik),
    noKkMasked: maskNik(household.noKk),
    desil: household.desil,
    isExtremePoor: household.isExtremePoor,
  }));
}

export type OutcomeSummary = Record<TrainingOutcome, number> & { graduates: number; awaiting: number };

/**
 * The latest outcome of each graduate who counts (verified, not withdrawn), and how many have
 * no answer yet: the training page's summary of what the training led to.
 */
export function outcomeSummary(rows: readonly Pick<ParticipantRow, "status" | "completion" | "followUp">[]): OutcomeSummary {
  const summary: OutcomeSummary = { graduates: 0, BUSINESS_OPENED: 0, EMPLOYED: 0, NEITHER: 0, awaiting: 0 };
  for (const row of rows) {
    if (row.status !== "VERIFIED" || row.completion !== "COMPLETED") continue;
    summary.graduates += 1;
    if (row.followUp.latest) summary[row.followUp.latest.outcome] += 1;
    else summary.awaiting += 1;
  }
  return summary;
}

/** The OPD's writable programmes of a year, for the training form. */
export function trainingProgrammes(tx: Tx, opdId: string, fiscalYear?: number) {
  return tx.programme.findMany({
    where: { opdId, ...(fiscalYear ? { fiscalYear } : {}) },
    select: { id: true, name: true, fiscalYear: true },
    orderBy: [{ fiscalYear: "desc" }, { name: "asc" }],
  });
}

/** Outcomes recorded so far in scope, counted per outcome (for the follow-up page), from the OPDs' monthly tallies. */
export async function followUpOutcomes(tx: Tx, scope: ProgrammeScope, opdId?: string): Promise<Record<TrainingOutcome, number>> {
  const sums = await tx.trainingFollowUpTally.aggregate({
    where: followUpOpdWhere(scope, opdId),
    _sum: { businessOpened: true, employed: true, neither: true },
  });
  return { BUSINESS_OPENED: sums._sum.businessOpened ?? 0, EMPLOYED: sums._sum.employed ?? 0, NEITHER: sums._sum.neither ?? 0 };
}

/** A scope's follow-ups (or their tallies) by the OPD they carry: its own OPD, the one picked, or every OPD. */
export function followUpOpdWhere(scope: ProgrammeScope, pickedOpdId?: string | null): { opdId?: string | { in: string[] } } {
  const where = programmeWhere(scope, pickedOpdId);
  return where.opdId ? { opdId: where.opdId } : where.id ? { opdId: { in: [] } } : {};
}
