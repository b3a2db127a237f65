// The city's budget per OPD: what Bapeda decides from (pagu, realised, absorption against pagu
// and calendar, lines behind it, drafts waiting), summed from the same line rows as the page's
// totals, the OPD's own page and the export.
import type { YearMonth } from "@/lib/calendar/months";
import type { Rupiah } from "@/lib/money";
import { absorptionOf, isBehindCalendar, type Absorption } from "./absorption";

type LineRow = {
  pagu: Rupiah;
  realised: Rupiah;
  pendingCount: number;
  pendingAmount: Rupiah;
  programme: { fiscalYear: number; opd: { id: string; shortName: string } };
};

export type OpdBudgetRow = {
  id: string;
  shortName: string;
  lines: number;
  /** Lines further behind the calendar than BEHIND_THRESHOLD_POINTS. */
  linesBehind: number;
  pendingCount: number;
  pendingAmount: Rupiah;
  absorption: Absorption;
};

/** One row per OPD with lines, in the lines' order (OPD code). */
export function budgetByOpd(lines: readonly LineRow[], fiscalYear: number, today: YearMonth): OpdBudgetRow[] {
  const sums = new Map<
    string,
    { shortName: string; lines: number; linesBehind: number; pagu: Rupiah; realised: Rupiah; pendingCount: number; pendingAmount: Rupiah }
  >();
  for (const line of lines) {
    const opd = line.programme.opd;
    const sum = sums.get(opd.id) ?? { shortName: opd.shortName, lines: 0, linesBehind: 0, pagu: 0n, realised: 0n, pendingCount: 0, pendingAmount: 0n };
    sum.lines += 1;
    if (isBehindCalendar(absorptionOf(line.pagu, line.realised, line.programme.fiscalYear, today))) sum.linesBehind += 1;
    sum.pagu += line.pagu;
    sum.realised += line.realised;
    sum.pendingCount += line.pendingCount;
    sum.pendingAmount += line.pendingAmount;
    sums.set(opd.id, sum);
  }
  return [...sums].map(([id, sum]) => ({
    id,
    shortName: sum.shortName,
    lines: sum.lines,
    linesBehind: sum.linesBehind,
    pendingCount: sum.pendingCount,
    pendingAmount: sum.pendingAmount,
    absorption: absorptionOf(sum.pagu, sum.realised, fiscalYear, today),
  }));
}
