// The period of a quarterly report: a fiscal year and its quarter (`?tahun=2026&triwulan=3`).
// The quarter is months (q−1)·3+1 … q·3; the year to date is months 1 … q·3.
import type { MonthRange } from "@/features/dashboards/budget/queries";
import { searchParam, type SearchParamValue } from "@/lib/validation/search-params";
import { z } from "@/lib/validation/zod";

export type Quarter = 1 | 2 | 3 | 4;

export type ReportPeriod = { year: number; quarter: Quarter };

export const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

const periodSchema = z.object({
  tahun: searchParam(z.coerce.number().int().min(2000).max(2100)),
  triwulan: searchParam(z.coerce.number().int().min(1).max(4)),
});

/**
 * The period in the URL; a missing or malformed part is the default's: the city's current
 * fiscal year and the last quarter that has begun in it.
 */
export function parseReportPeriod(params: Record<string, SearchParamValue>, fallback: ReportPeriod): ReportPeriod {
  const parsed = periodSchema.parse(params);
  return { year: parsed.tahun ?? fallback.year, quarter: (parsed.triwulan ?? fallback.quarter) as Quarter };
}

/** The quarter a month (1–12) falls in. */
export function quarterOfMonth(month: number): Quarter {
  return Math.min(4, Math.max(1, Math.ceil(month / 3))) as Quarter;
}

/** The quarter's months and the year's months up to its end. */
export function periodMonths(quarter: Quarter): { quarter: MonthRange; toDate: MonthRange } {
  return { quarter: { from: (quarter - 1) * 3 + 1, to: quarter * 3 }, toDate: { from: 1, to: quarter * 3 } };
}

/** The query string of a period, for links and the export. */
export function periodQuery(period: ReportPeriod): Record<string, string> {
  return { tahun: String(period.year), triwulan: String(period.quarter) };
}
