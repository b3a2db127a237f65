// What the check's page says when there is nothing to save, from the report's counts: a file
// whose every row was refused is not "the same as the registry".
import type { RegistryImportReport } from "./run-import";

export type ImportResultState = "toSave" | "allRejected" | "restUnchanged" | "allUnchanged" | "empty";

export function importResultState(report: Pick<RegistryImportReport, "counts" | "totalRows" | "rejectedRows">): ImportResultState {
  const counts = report.counts;
  if (counts && counts.rows.new + counts.rows.changed > 0) return "toSave";
  if (report.totalRows === 0) return "empty";
  if (report.rejectedRows >= report.totalRows) return "allRejected";
  return report.rejectedRows > 0 ? "restUnchanged" : "allUnchanged";
}
