// An OPD's clerk and head: their own OPD's aid, trainings, follow-ups and budget of this fiscal
// year, counted with the filters of the list each card opens.
import { aidFilterQuery, type AidFilter } from "@/features/aid/filters";
import { distributionTotals, distributionWhere } from "@/features/aid/queries";
import { aidRoutes } from "@/features/aid/routes";
import { isNearPagu } from "@/features/budget/absorption";
import { budgetOverview, pendingWhere, type ReturnedFilter } from "@/features/budget/queries";
import { budgetRoutes, NEAR_PAGU_ONLY } from "@/features/budget/routes";
import { programmesBehind } from "@/features/programmes/behind";
import { listProgrammes } from "@/features/programmes/queries";
import { BEHIND_ONLY, programmesRoutes } from "@/features/programmes/routes";
import { countFollowUps, followUpQuery, type FollowUpFilter } from "@/features/trainings/follow-up-list";
import { trainingWhere } from "@/features/trainings/queries";
import { trainingsRoutes } from "@/features/trainings/routes";
import { dayToDate } from "@/lib/calendar/days";
import { programmeScope } from "@/lib/auth/scope";
import type { Tx } from "@/lib/db";
import type { HomeTask, TaskContext } from "./task";

const DAY_MS = 86_400_000;

/** How many hand-overs the aid list shows with `filter`, from the list's own totals (a summary kept by triggers). */
const aidCount = (tx: Tx, context: TaskContext, filter: AidFilter) =>
  distributionTotals(tx, filter, { scope: programmeScope(context.user), fiscalYear: context.fiscalYear }).then((totals) => totals.count);

function aidTask(tx: Tx, context: TaskContext, key: "aidReturned" | "aidWithoutProof", filter: AidFilter): Promise<HomeTask> {
  return aidCount(tx, context, filter).then((count) => ({
    key,
    count,
    href: aidRoutes.list(context.slug, aidFilterQuery({ ...filter, tahun: context.fiscalYear })),
  }));
}

const daysSince = (context: TaskContext, date: Date | undefined) =>
  date ? { oldestDays: Math.max(0, Math.floor((context.now.getTime() - date.getTime()) / DAY_MS)) } : {};

/** Budget realisation drafts waiting for the head ("0") or sent back to the clerk ("1"), as the budget page's `kembali` lists them. */
async function realisationTask(tx: Tx, context: TaskContext, kembali: ReturnedFilter): Promise<HomeTask> {
  const where = pendingWhere({ tenantId: context.user.tenantId, scope: programmeScope(context.user), fiscalYear: context.fiscalYear }, kembali);
  const [count, oldest] = await Promise.all([
    tx.budgetRealisation.count({ where }),
    kembali === "0" ? tx.budgetRealisation.findFirst({ where, select: { createdAt: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }) : null,
  ]);
  return {
    key: kembali === "0" ? "realisationsToVerify" : "realisationsReturned",
    count,
    href: budgetRoutes.list(context.slug, { tahun: context.fiscalYear, kembali }),
    ...daysSince(context, oldest?.createdAt),
  };
}

/**
 * Trainings with a draft waiting for the head ("0") or sent back ("1"): the training itself or
 * a participant, as the trainings list's `kembali` lists them. The oldest is the oldest such draft.
 */
async function trainingDraftTask(tx: Tx, context: TaskContext, kembali: ReturnedFilter): Promise<HomeTask> {
  const filter = { scope: programmeScope(context.user), year: context.fiscalYear, kembali };
  const where = trainingWhere(filter);
  const waiting = { status: "DRAFT" as const, returnedAt: null };
  const [count, oldestTraining, oldestParticipant] = await Promise.all([
    tx.training.count({ where }),
    kembali === "0" ? tx.training.findFirst({ where: { AND: [where, waiting] }, select: { createdAt: true }, orderBy: { createdAt: "asc" } }) : null,
    kembali === "0"
      ? tx.trainingParticipant.findFirst({ where: { ...waiting, training: where }, select: { createdAt: true }, orderBy: { createdAt: "asc" } })
      : null,
  ]);
  const oldest = [oldestTraining?.createdAt, oldestParticipant?.createdAt]
    .filter((date): date is Date => Boolean(date))
    .sort((a, b) => a.getTime() - b.getTime())[0];
  return {
    key: kembali === "0" ? "trainingsToVerify" : "trainingsReturned",
    count,
    href: trainingsRoutes.list(context.slug, { tahun: context.fiscalYear, kembali }),
    ...daysSince(context, oldest),
  };
}

/** The clerk's: drafts sent back to fix, trainings begun without attendance, follow-ups due this month, hand-overs without proof. */
export async function opdClerkTasks(tx: Tx, context: TaskContext): Promise<HomeTask[]> {
  const followUps: FollowUpFilter = { state: "open", month: context.today.slice(0, 7) };
  const scope = programmeScope(context.user);
  const noAttendance = { scope, year: context.fiscalYear, status: "no-attendance" as const, today: dayToDate(context.today) };
  return Promise.all([
    aidTask(tx, context, "aidReturned", { kembali: "1" }),
    realisationTask(tx, context, "1"),
    trainingDraftTask(tx, context, "1"),
    tx.training.count({ where: trainingWhere(noAttendance) }).then((count) => ({
      key: "trainingsWithoutAttendance" as const,
      count,
      href: trainingsRoutes.list(context.slug, { tahun: context.fiscalYear, status: noAttendance.status }),
    })),
    countFollowUps(tx, { scope, today: context.today, filter: followUps }).then((count) => ({
      key: "followUpsDue" as const,
      count,
      href: trainingsRoutes.followUps(context.slug, followUpQuery(followUps)),
    })),
    aidTask(tx, context, "aidWithoutProof", { bukti: "tanpa" }),
  ]);
}

/**
 * The head's: hand-overs, realisations and trainings (or their participants) waiting for
 * verification (and how many days the oldest has waited),
 * budget lines near their pagu, programmes behind the calendar. Lines and programmes are the
 * few of one OPD's year, summed by the database as the budget and programme pages sum them.
 */
export async function opdHeadTasks(tx: Tx, context: TaskContext): Promise<HomeTask[]> {
  const [toVerify, realisations, trainings, budget] = await Promise.all([
    aidToVerify(tx, context),
    realisationTask(tx, context, "0"),
    trainingDraftTask(tx, context, "0"),
    budgetTasks(tx, context),
  ]);
  return [toVerify, realisations, trainings, ...budget];
}

async function budgetTasks(tx: Tx, context: TaskContext): Promise<HomeTask[]> {
  const filter = { tenantId: context.user.tenantId, scope: programmeScope(context.user), fiscalYear: context.fiscalYear };
  const [lines, programmes] = await Promise.all([budgetOverview(tx, filter), listProgrammes(tx, filter)]);
  const [year, month] = context.today.split("-").map(Number) as [number, number];
  const tahun = context.fiscalYear;
  return [
    {
      key: "linesNearPagu",
      count: lines.filter((line) => isNearPagu(line.pagu, line.realised)).length,
      href: budgetRoutes.list(context.slug, { tahun, ...NEAR_PAGU_ONLY }),
    },
    {
      key: "programmesBehind",
      count: programmesBehind(programmes, context.fiscalYear, { year, month }).length,
      href: programmesRoutes.list(context.slug, { tahun, ...BEHIND_ONLY }),
    },
  ];
}

async function aidToVerify(tx: Tx, context: TaskContext): Promise<HomeTask> {
  // Drafts sent back wait for the clerk, not the head.
  const filter: AidFilter = { kembali: "0" };
  const where = distributionWhere(filter, { scope: programmeScope(context.user), fiscalYear: context.fiscalYear });
  const [count, oldest] = await Promise.all([
    aidCount(tx, context, filter),
    tx.aidDistribution.findFirst({ where, select: { createdAt: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
  ]);
  return {
    key: "aidToVerify",
    count,
    href: aidRoutes.list(context.slug, aidFilterQuery({ ...filter, tahun: context.fiscalYear })),
    ...daysSince(context, oldest?.createdAt),
  };
}
