// Which of the database's tables the audit log speaks of. Summaries kept by triggers, staging
// rows of an import, sessions, jobs and the disclosure ledger are the app's own bookkeeping:
// their rows change because a record a person wrote changed, and that record's entry is the one
// a reader needs. They are left out of the filter and the list.
import { Prisma } from "@/lib/generated/prisma/client";

export const INTERNAL_ENTITIES: ReadonlySet<string> = new Set<string>([
  "RateLimit",
  "UserSession",
  "SignInDirectory",
  "BackgroundJob",
  "JobFilePart",
  "ExportFile",
  "Submission",
  "ImportStagedHousehold",
  "ImportStagedMember",
  "PersonalDataDisclosure",
  // The platform's own trail, which no city's log speaks of.
  "PlatformEvent",
  "DashboardTrainingCount",
  "HouseholdAreaCount",
  "HouseholdReach",
  "HouseholdYearReach",
  "ReachAreaCount",
  "ReachOpdCount",
  "ReachResultCount",
  "StrategyReachCount",
  "ReachProgrammeCount",
  "TrainingTally",
  "TrainingFollowUpTally",
  "BudgetLineTotal",
  "BudgetLineSum",
  "AidDistributionTotal",
  "BpjsDoubleCover",
  "BpjsCoverEnd",
]);

/** The tables a reader may filter the log by: every model but the internal ones (AuditLog: its own exports). */
export const AUDIT_ENTITIES: readonly string[] = Object.values(Prisma.ModelName).filter((model) => !INTERNAL_ENTITIES.has(model));
