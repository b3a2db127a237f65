// The rebuild functions of prisma/sql/summaries that together recount every summary table of a
// city (docs/dashboards.md lists which function keeps which table). A moved city's summaries
// are copied first and then recounted: HouseholdYearReach keeps the copied "firstReachedAt",
// which no recount can tell, and every other figure must come out equal to the source's.
import type pg from "pg";

export const SUMMARY_REBUILDS = [
  "entas_poverty_rebuild",
  "entas_dash_rebuild",
  "entas_training_tallies_rebuild",
  "entas_loan_rounds_rebuild",
  "entas_line_totals_rebuild",
  "entas_aid_totals_rebuild",
  "entas_bpjs_cover_rebuild",
] as const;

export async function rebuildSummaries(client: pg.ClientBase, tenantId: string): Promise<void> {
  for (const rebuild of SUMMARY_REBUILDS) await client.query(`SELECT ${rebuild}($1)`, [tenantId]);
}
