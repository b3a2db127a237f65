// Reads of the statistics page: the official series (a row per year and area, a few dozen
// rows per city) and the targets.
import type { Tx } from "@/lib/db";
import type { Rupiah } from "@/lib/money";

export type StatisticRow = {
  id: string;
  year: number;
  areaId: string | null;
  areaName: string | null;
  povertyRatePct: number | null;
  poorPeople: number | null;
  extremeRatePct: number | null;
  extremePoorPeople: number | null;
  p1: number | null;
  p2: number | null;
  /** BPS's poverty line (garis kemiskinan), whole Rupiah per person per month. */
  povertyLineRupiah: Rupiah | null;
  source: string | null;
  version: number;
};

const toNumber = (value: { toNumber(): number } | null) => (value === null ? null : value.toNumber());

/** The series of the city (areaId null) or of one kecamatan, oldest year first. */
export async function statisticSeries(tx: Tx, areaId: string | null): Promise<StatisticRow[]> {
  const rows = await tx.povertyStatistic.findMany({ where: { areaId }, orderBy: { year: "asc" }, include: { area: { select: { name: true } } } });
  return rows.map(toRow);
}

/** Every kecamatan's figures of one year. */
export async function kecamatanStatistics(tx: Tx, year: number): Promise<StatisticRow[]> {
  const rows = await tx.povertyStatistic.findMany({
    where: { year, areaId: { not: null } },
    orderBy: { area: { code: "asc" } },
    include: { area: { select: { name: true } } },
  });
  return rows.map(toRow);
}

function toRow(row: Awaited<ReturnType<Tx["povertyStatistic"]["findMany"]>>[number] & { area: { name: string } | null }): StatisticRow {
  return {
    id: row.id,
    year: row.year,
    areaId: row.areaId,
    areaName: row.area?.name ?? null,
    povertyRatePct: toNumber(row.povertyRatePct),
    poorPeople: row.poorPeople,
    extremeRatePct: toNumber(row.extremeRatePct),
    extremePoorPeople: row.extremePoorPeople,
    p1: toNumber(row.p1),
    p2: toNumber(row.p2),
    povertyLineRupiah: row.povertyLineRupiah,
    source: row.source,
    version: row.version,
  };
}

export type TargetRow = {
  id: string;
  indicator: string;
  year: number;
  value: number;
  areaId: string | null;
  areaName: string | null;
  note: string | null;
  version: number;
};

/** The targets of the city and (when given) of one kecamatan, by indicator and year. */
export async function listTargets(tx: Tx): Promise<TargetRow[]> {
  const rows = await tx.target.findMany({ orderBy: [{ indicator: "asc" }, { year: "asc" }], include: { area: { select: { name: true } } } });
  return rows.map((row) => ({
    id: row.id,
    indicator: row.indicator,
    year: row.year,
    value: row.value.toNumber(),
    areaId: row.areaId,
    areaName: row.area?.name ?? null,
    note: row.note,
    version: row.version,
  }));
}

/** Every target set for the indicator and area, oldest target year first (a path such as 4,3 % in 2025, 0 % in 2026). */
export function targetsOf(targets: readonly TargetRow[], indicator: string, areaId: string | null): TargetRow[] {
  return targets.filter((t) => t.indicator === indicator && t.areaId === areaId).sort((a, b) => a.year - b.year);
}

/**
 * The target a series is measured against: for the indicator and area, the first target
 * year from the latest observed year on, else the latest target.
 */
export function targetFor(targets: readonly TargetRow[], indicator: string, areaId: string | null, fromYear: number): TargetRow | null {
  const mine = targetsOf(targets, indicator, areaId);
  return mine.find((t) => t.year >= fromYear) ?? mine.at(-1) ?? null;
}
