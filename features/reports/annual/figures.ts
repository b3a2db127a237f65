// Every figure of the annual report, read by the dashboards' own query functions for the
// year (the whole city: no kecamatan, OPD or programme filter), so the report and the
// dashboards can never disagree. Each reads the summaries the dashboards read, built for
// 1,000,000 households: the document never scans the registry.
import { budgetDashboardQueries as budget, type BudgetSummary, type OpdAbsorptionRow, type SourceAbsorptionRow } from "@/features/dashboards/budget/queries";
import type { DashboardFilters } from "@/features/dashboards/filters";
import {
  povertyDashboardQueries as poverty,
  type AreaRegistryRow,
  type Coverage,
  type DesilRow,
  type GraduationMonth,
  type OpdTargetingRow,
  type Targeting,
  type TargetProgress,
} from "@/features/dashboards/poverty/queries";
import { resultsDashboardQueries as results, type OpdResultRow, type ProgrammeResultRow, type ResultFigures } from "@/features/dashboards/results/queries";
import { statisticSeries, type StatisticRow } from "@/features/statistics/queries";
import type { YearMonth } from "@/lib/calendar/months";
import type { Tx } from "@/lib/db";
import type { TargetUnit } from "@/lib/generated/prisma/enums";

/** How many years of BPS figures chapter II shows, the report's year the last. */
export const STATISTIC_YEARS = 5;

/** A programme of the year: what it set out to reach (from the programme itself) beside what it reached. */
export type ProgrammeTarget = { programmeId: string; unit: TargetUnit; target: number; targetExtreme: number; kind: string };

export type AnnualFigures = {
  year: number;
  /** The month the budget's calendar is measured at (the city's this month, as on the budget dashboard). */
  today: YearMonth;
  /** The city's BPS series up to the year, oldest first. */
  statistics: StatisticRow[];
  registryByKecamatan: AreaRegistryRow[];
  desil: DesilRow[];
  coverage: Coverage;
  targeting: Targeting;
  targetingByOpd: OpdTargetingRow[];
  graduations: GraduationMonth[];
  targetProgress: TargetProgress;
  results: ResultFigures;
  resultsByOpd: OpdResultRow[];
  resultsByProgramme: ProgrammeResultRow[];
  programmeTargets: Map<string, ProgrammeTarget>;
  budget: BudgetSummary;
  budgetBySource: SourceAbsorptionRow[];
  budgetByOpd: OpdAbsorptionRow[];
};

/** The report's filters: the year, the whole city. */
export function annualFilters(year: number): DashboardFilters {
  return { year, kecamatanId: null, opdId: null, programmeId: null, sipdCode: null };
}

/** The figures of `year`, inside the caller's tenant scope (a read-only report transaction). */
export async function loadAnnualFigures(tx: Tx, year: number, today: YearMonth): Promise<AnnualFigures> {
  const f = annualFilters(year);
  // One after another: a report transaction holds one connection, and its queries share it.
  const statistics = (await statisticSeries(tx, null)).filter((row) => row.year <= year).slice(-STATISTIC_YEARS);
  const registryByKecamatan = await poverty.registryByKecamatan(tx, f);
  const desil = await poverty.desilDistribution(tx, f);
  const coverage = await poverty.coverage(tx, f);
  const targeting = await poverty.targeting(tx, f);
  const targetingByOpd = await poverty.targetingByOpd(tx, f);
  const graduations = await poverty.graduationsByMonth(tx, f);
  const targetProgress = await poverty.targetProgress(tx, f);
  const resultTotals = await results.totals(tx, f);
  const resultsByOpd = await results.byOpd(tx, f);
  const resultsByProgramme = await results.byProgramme(tx, f);
  const budgetSummary = await budget.summary(tx, f, today);
  const budgetBySource = await budget.bySource(tx, f, today);
  const budgetByOpd = await budget.byOpd(tx, f, today);
  const programmes = await tx.programme.findMany({
    where: { fiscalYear: year },
    select: { id: true, kind: true, targetUnit: true, targetCount: true, targetExtremeCount: true },
  });
  return {
    year,
    today,
    statistics,
    registryByKecamatan,
    desil,
    coverage,
    targeting,
    targetingByOpd,
    graduations,
    targetProgress,
    results: resultTotals,
    resultsByOpd,
    resultsByProgramme,
    programmeTargets: new Map(
      programmes.map((p) => [p.id, { programmeId: p.id, unit: p.targetUnit, target: p.targetCount, targetExtreme: p.targetExtremeCount, kind: p.kind }]),
    ),
    budget: budgetSummary,
    budgetBySource,
    budgetByOpd,
  };
}
