// The report's recap per perangkat daerah: each OPD with programmes in the year, added up from
// the report's own programme rows, so its total is the city's.
import { addMoney, type Money, NO_MONEY, type QuarterlyReportData } from "./queries";

export type ReportOpd = Money & {
  id: string;
  shortName: string;
  name: string;
  programmes: number;
  /** Targets of its programmes counted in households, as per strategy (a target in persons is not added in). */
  targetHouseholds: number;
};

/** The OPDs with programmes in the report, in the order of their codes. */
export function reportOpds(data: Pick<QuarterlyReportData, "programmes">): ReportOpd[] {
  const byId = new Map<string, ReportOpd & { code: string }>();
  for (const row of data.programmes) {
    const opd = byId.get(row.opdId) ?? {
      id: row.opdId,
      code: row.opdCode,
      shortName: row.opdShortName,
      name: row.opdName,
      programmes: 0,
      targetHouseholds: 0,
      ...NO_MONEY,
    };
    byId.set(row.opdId, {
      ...opd,
      ...addMoney(opd, row),
      programmes: opd.programmes + 1,
      targetHouseholds: opd.targetHouseholds + (row.targetUnit === "HOUSEHOLD" ? row.targetCount : 0),
    });
  }
  return [...byId.values()].sort((a, b) => a.code.localeCompare(b.code)).map(({ code: _, ...opd }) => opd);
}
