// Which cards a user's home shows: each group as the user's permissions allow and the page it
// links to opens for them, in the order of the user's day (their own work first).
import { userCan } from "@/lib/auth/permissions";
import { userMayOpen } from "@/lib/auth/pages";
import type { TenantSessionUser } from "@/lib/auth/session-user";
import { cityToday } from "@/lib/calendar/city-today";
import { cityFiscalYears } from "@/lib/calendar/city-fiscal-year";
import { dateToDay } from "@/lib/calendar/days";
import type { Tx } from "@/lib/db";
import { adminTasks } from "./admin-tasks";
import { kelurahanLoanTasks } from "./kelurahan-tasks";
import { opdClerkTasks, opdHeadTasks } from "./opd-tasks";
import { changeRequestTasks, duplicateTasks } from "./registry-tasks";
import { dashboardHeadlines, type Headline } from "./headlines";
import { importTasks } from "./registry-tasks";
import type { HomeTask, TaskContext } from "./task";

type TaskGroup = { shows: (user: TenantSessionUser) => boolean; tasks: (tx: Tx, context: TaskContext) => Promise<HomeTask[]> };

const GROUPS: readonly TaskGroup[] = [
  // An OPD account without an OPD has nothing of its own to count.
  { shows: (user) => Boolean(user.opdId) && userCan(user, "entry:verify") && userMayOpen(user, "aid"), tasks: opdHeadTasks },
  {
    shows: (user) => Boolean(user.opdId) && userCan(user, "entry:write") && !userCan(user, "entry:verify") && userMayOpen(user, "aid"),
    tasks: opdClerkTasks,
  },
  { shows: (user) => Boolean(user.kelurahanId) && userMayOpen(user, "revolvingFunds"), tasks: kelurahanLoanTasks },
  { shows: (user) => userMayOpen(user, "changeRequests") && (userCan(user, "registry:change-decide") || Boolean(user.kelurahanId)), tasks: changeRequestTasks },
  { shows: (user) => userMayOpen(user, "duplicates"), tasks: duplicateTasks },
  { shows: (user) => userMayOpen(user, "registryImport"), tasks: importTasks },
  { shows: (user) => userMayOpen(user, "users"), tasks: adminTasks },
];

async function taskContext(tx: Tx, user: TenantSessionUser, now: Date): Promise<TaskContext> {
  const [today, fiscalYears] = await Promise.all([cityToday(tx, user.tenantId, now), cityFiscalYears(tx, user.tenantId, now)]);
  return { user, slug: user.tenantSlug, today: dateToDay(today), fiscalYear: fiscalYears.current, now };
}

/** The user's "waiting for you" cards (none for a role with nothing to act on), counted in the city's scope `tx`. */
export async function homeTasks(tx: Tx, user: TenantSessionUser, now: Date = new Date()): Promise<HomeTask[]> {
  const groups = GROUPS.filter((group) => group.shows(user));
  if (groups.length === 0) return [];
  const context = await taskContext(tx, user, now);
  return (await Promise.all(groups.map((group) => group.tasks(tx, context)))).flat();
}

/** The headline figure of each dashboard the user may open (none: null), for the city's current fiscal year. */
export async function homeHeadlines(tx: Tx, user: TenantSessionUser, now: Date = new Date()): Promise<{ year: number; figures: Headline[] } | null> {
  const context = await taskContext(tx, user, now);
  const figures = await dashboardHeadlines(tx, context);
  return figures.length === 0 ? null : { year: context.fiscalYear, figures };
}
