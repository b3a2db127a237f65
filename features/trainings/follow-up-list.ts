// The follow-up page's list: follow-ups due by today, unanswered (to answer) or answered (to
// read), narrowed by OPD, training and due month, and paged on (due date, id) with a follow-up
// id as the cursor, never an offset. The OPD filter only narrows a city-wide reader's list: an
// OPD's own users are held to their OPD by their scope, whatever the URL says.
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { programmeWhere, type ProgrammeScope } from "@/lib/auth/scope";
import { followUpOpdWhere } from "./queries";
import { dayToDate } from "@/lib/calendar/days";
import { firstParam, searchParam, type SearchParams } from "@/lib/validation/search-params";
import { z } from "@/lib/validation/zod";

export const FOLLOW_UP_PAGE_SIZE = 50;

export const FOLLOW_UP_STATES = ["open", "answered"] as const;
export type FollowUpListState = (typeof FOLLOW_UP_STATES)[number];

export type FollowUpFilter = {
  state: FollowUpListState;
  /** Taken only from a city-wide reader; an OPD's users are scoped by their session. */
  opdId?: string;
  trainingId?: string;
  /** "YYYY-MM": follow-ups due in that month. */
  month?: string;
  /** Cursors: the page after this follow-up, or the page before it. */
  after?: string;
  before?: string;
};

const id = z.string().regex(/^[a-z0-9]{1,64}$/i);
const querySchema = z.object({
  status: searchParam(z.enum(["belum", "sudah"])),
  opd: searchParam(id),
  pelatihan: searchParam(id),
  bulan: searchParam(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)),
  setelah: searchParam(id),
  sebelum: searchParam(id),
});

/** The filter of the page's query (`status`, `opd`, `pelatihan`, `bulan`, `setelah`, `sebelum`); a malformed value is no filter. */
export function followUpFilterOf(query: SearchParams, scope: ProgrammeScope): FollowUpFilter {
  const parsed = querySchema.parse(Object.fromEntries(Object.entries(query).map(([key, value]) => [key, firstParam(value)])));
  return {
    state: parsed.status === "sudah" ? "answered" : "open",
    opdId: scope.kind === "city" ? parsed.opd : undefined,
    trainingId: parsed.pelatihan,
    month: parsed.bulan,
    after: parsed.setelah,
    before: parsed.setelah ? undefined : parsed.sebelum,
  };
}

/** The query that shows `filter` (without its cursor), for links and the form. */
export function followUpQuery(filter: FollowUpFilter, cursor: { after?: string; before?: string } = {}) {
  return {
    status: filter.state === "answered" ? "sudah" : undefined,
    opd: filter.opdId,
    pelatihan: filter.trainingId,
    bulan: filter.month,
    setelah: cursor.after,
    sebelum: cursor.before,
  };
}

type ListOptions = { scope: ProgrammeScope; today: string; filter: FollowUpFilter; pageSize?: number };

function monthRange(month: string) {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return { gte: new Date(Date.UTC(year, m - 1, 1)), lt: new Date(Date.UTC(year, m, 1)) };
}

// The OPD is the one each follow-up carries (its programme's, kept by a trigger): the list
// starts from the OPD's own follow-ups by due date, not from a join through the trainings.
function listWhere({ scope, today, filter }: ListOptions): Prisma.TrainingFollowUpWhereInput {
  return {
    ...followUpOpdWhere(scope, filter.opdId),
    outcome: filter.state === "answered" ? { not: null } : null,
    AND: [{ dueDate: { lte: dayToDate(today) } }, ...(filter.month ? [{ dueDate: monthRange(filter.month) }] : [])],
    participant: {
      completion: "COMPLETED",
      training: { cancelledAt: null, ...(filter.trainingId ? { id: filter.trainingId } : {}) },
    },
  };
}

const rowSelect = {
  id: true,
  monthsAfter: true,
  dueDate: true,
  outcome: true,
  note: true,
  recordedAt: true,
  participant: {
    select: {
      id: true,
      status: true,
      member: { select: { name: true } },
      training: { select: { id: true, skill: true, endDate: true, opd: { select: { shortName: true } } } },
    },
  },
} as const satisfies Prisma.TrainingFollowUpSelect;

export type FollowUpListRow = Prisma.TrainingFollowUpGetPayload<{ select: typeof rowSelect }>;

export type FollowUpPage = {
  rows: FollowUpListRow[];
  /** Every follow-up the filter finds, not only this page. */
  total: number;
  /** Cursor of the next page (the last row's id), or null on the last page. */
  nextAfter: string | null;
  /** Cursor of the previous page (the first row's id), or null on the first page. */
  prevBefore: string | null;
  /** The cursor named a follow-up the filter does not find (answered meanwhile): page 1 shown. */
  cursorLost: boolean;
};

/** One page of the filtered follow-ups, oldest due first, with the total. */
export async function followUpPage(tx: Tx, options: ListOptions): Promise<FollowUpPage> {
  const size = options.pageSize ?? FOLLOW_UP_PAGE_SIZE;
  const where = listWhere(options);
  const cursorId = options.filter.after ?? options.filter.before;
  const cursor = cursorId ? await tx.trainingFollowUp.findFirst({ where: { ...where, id: cursorId }, select: { id: true, dueDate: true } }) : null;
  const backwards = Boolean(cursor && !options.filter.after);
  const keyset: Prisma.TrainingFollowUpWhereInput = cursor
    ? backwards
      ? { OR: [{ dueDate: { lt: cursor.dueDate } }, { dueDate: cursor.dueDate, id: { lt: cursor.id } }] }
      : { OR: [{ dueDate: { gt: cursor.dueDate } }, { dueDate: cursor.dueDate, id: { gt: cursor.id } }] }
    : {};
  const direction = backwards ? "desc" : "asc";
  const [found, total] = await Promise.all([
    tx.trainingFollowUp.findMany({
      where: { AND: [where, keyset] },
      select: rowSelect,
      orderBy: [{ dueDate: direction }, { id: direction }],
      take: size + 1,
    }),
    countFollowUps(tx, options),
  ]);
  const more = found.length > size;
  const rows = more ? found.slice(0, size) : found;
  if (backwards) rows.reverse();
  const hasNext = backwards ? Boolean(cursor) : more;
  const hasPrev = backwards ? more : Boolean(cursor);
  return {
    rows,
    total,
    nextAfter: hasNext ? (rows.at(-1)?.id ?? null) : null,
    prevBefore: hasPrev ? (rows[0]?.id ?? null) : null,
    cursorLost: Boolean(cursorId) && !cursor,
  };
}

/**
 * How many follow-ups the filter finds (the page's "due, not answered" figure). The due ones of
 * an OPD or the city, not narrowed further, are summed from the monthly tallies (kept by
 * triggers) for the months before this one, and counted row by row only for this month.
 */
export async function countFollowUps(tx: Tx, options: ListOptions): Promise<number> {
  const { filter, scope, today } = options;
  if (filter.state !== "open" || filter.trainingId || filter.month) return tx.trainingFollowUp.count({ where: listWhere(options) });
  const thisMonth = dayToDate(`${today.slice(0, 7)}-01`);
  const [before, current] = await Promise.all([
    tx.trainingFollowUpTally.aggregate({ where: { ...followUpOpdWhere(scope, filter.opdId), month: { lt: thisMonth } }, _sum: { open: true } }),
    tx.trainingFollowUp.count({ where: { AND: [listWhere(options), { dueDate: { gte: thisMonth } }] } }),
  ]);
  return (before._sum.open ?? 0) + current;
}

/** How many trainings the training filter offers: the newest, and the one chosen. */
export const FOLLOW_UP_TRAINING_CHOICES = 300;

/**
 * The trainings in scope with graduates (who have follow-ups), for the training filter, newest
 * first; `chosen`, when in scope, is among them even if older. A training out of scope is not.
 */
export async function followUpTrainings(tx: Tx, options: { scope: ProgrammeScope; opdId?: string; chosen?: string }) {
  // Read newest first down the start-date index (the OPD's own, for an OPD), each training
  // checked for a graduate, until the choices are full: never every training of the city sorted.
  const where: Prisma.TrainingWhereInput = {
    cancelledAt: null,
    programme: programmeWhere(options.scope, options.opdId),
    ...programmeWhere(options.scope, options.opdId),
    participants: { some: { completion: "COMPLETED" } },
  };
  const select = { id: true, skill: true, startDate: true, opd: { select: { shortName: true } } } as const;
  const newest = await tx.training.findMany({ where, select, orderBy: [{ startDate: "desc" }, { id: "asc" }], take: FOLLOW_UP_TRAINING_CHOICES });
  if (!options.chosen || newest.some((training) => training.id === options.chosen)) return newest;
  const chosen = await tx.training.findFirst({ where: { ...where, id: options.chosen }, select });
  return chosen ? [chosen, ...newest] : newest;
}
