// The first migration, prisma/migrations/<baseline>/migration.sql, is the schema the 23
// migrations before it built, squashed into one (each function defined once: the repeatable
// files of prisma/sql). A fresh database runs it. A database that had applied those 23 already
// (a PGlite folder or a server migrated before the squash) has that schema: `applyMigrations`
// records the baseline there as applied without running it, as `prisma migrate resolve
// --applied <baseline>` would, and their rows stay in _prisma_migrations as its history.

export const BASELINE_MIGRATION = "20261206000000_baseline";

/** The migrations the baseline replaces, in the order they ran. */
export const SQUASHED_MIGRATIONS: readonly string[] = [
  "20261123171400_init",
  "20261123173000_row_level_security",
  "20261123183053_audit_log_by_tenant_and_id",
  "20261123184031_household_by_desil",
  "20261123202353_opd_decides_registry_changes",
  "20261123202400_training_cancel_and_withdrawal",
  "20261123202433_loan_repayment_totals",
  "20261123202525_aid_distribution_details_and_reach_next",
  "20261123202822_poverty_dashboard_summaries",
  "20261123202829_dashboard_results_summary",
  "20261123203124_member_name_trigrams",
  "20261123213324_realisation_covering_index",
  "20261123225834_unify_household_reach",
  "20261123230000_poverty_summaries_rebuild",
  "20261124000500_member_name_search_limit",
  "20261124010000_reach_counts",
  "20261124101000_loan_instalments_due",
  "20261124110000_loan_rounds",
  "20261124110001_loan_schedule_start",
  "20261124110002_import_staging",
  "20261124110003_reach_counts_skip_unchanged",
  "20261124110004_aid_pending_indexes",
  "20261124110005_enum_equality_leakproof",
];

/**
 * What to do with the baseline, given the migrations a database has applied (finished, not
 * rolled back): "run" it (none of the squashed ones), "record" it (all of them), "nothing"
 * (recorded already), or an error for a database stopped part-way through the old history.
 */
export function baselineAction(applied: ReadonlySet<string>): "run" | "record" | "nothing" {
  if (applied.has(BASELINE_MIGRATION)) return "nothing";
  const missing = SQUASHED_MIGRATIONS.filter((name) => !applied.has(name));
  if (missing.length === SQUASHED_MIGRATIONS.length) return "run";
  if (missing.length === 0) return "record";
  throw new Error(
    `This database applied ${SQUASHED_MIGRATIONS.length - missing.length} of the ${SQUASHED_MIGRATIONS.length} migrations that ` +
      `${BASELINE_MIGRATION} replaces (missing: ${missing.join(", ")}). Apply them first with the Entas version before the squash ` +
      `(the parent of \`git log -1 --format=%h --diff-filter=D -- prisma/migrations/${SQUASHED_MIGRATIONS[0]}\`: npm run db:migrate there), then migrate here.`,
  );
}
