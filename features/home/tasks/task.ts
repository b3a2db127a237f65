// A card of the home page's "waiting for you": how many rows wait, and the list that shows
// exactly them. The count is the list's own filter counted, so the two never disagree.
import type { TenantSessionUser } from "@/lib/auth/session-user";

export const TASK_KEYS = [
  "aidReturned",
  "realisationsReturned",
  "trainingsReturned",
  "trainingsWithoutAttendance",
  "followUpsDue",
  "aidWithoutProof",
  "aidToVerify",
  "realisationsToVerify",
  "trainingsToVerify",
  "linesNearPagu",
  "programmesBehind",
  "loansInArrears",
  "instalmentsDue",
  "ownChangeRequests",
  "changeRequestsToDecide",
  "duplicatesOpen",
  "importsNotSaved",
  "usersLocked",
  "usersNeverSignedIn",
  "opdsWithoutHead",
] as const;

export type TaskKey = (typeof TASK_KEYS)[number];

export type HomeTask = {
  key: TaskKey;
  count: number;
  href: string;
  /** Days since the oldest waiting row was entered, when the card says it. */
  oldestDays?: number;
};

/** What every task query reads: who asks (scope from the session), their city's slug, and the moment (tests set it). */
export type TaskContext = {
  user: TenantSessionUser;
  slug: string;
  /** Today in the city, as "YYYY-MM-DD". */
  today: string;
  /** The city's current fiscal year. */
  fiscalYear: number;
  now: Date;
};
