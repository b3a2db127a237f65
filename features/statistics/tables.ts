// The statistics page's tables: what it shows beside its charts and what its export writes.
import type { getTranslations } from "next-intl/server";
import type { FigureColumn, FigureTable } from "@/lib/spreadsheet/figures";
import type { StatisticRow, TargetRow } from "./queries";

export type StatisticsT = Awaited<ReturnType<typeof getTranslations<"Statistics">>>;

function figureColumns(t: StatisticsT): FigureColumn[] {
  return [
    { key: "povertyRatePct", label: t("columns.povertyRatePct"), kind: "percent", digits: 2 },
    { key: "poorPeople", label: t("columns.poorPeople"), kind: "count" },
    { key: "extremeRatePct", label: t("columns.extremeRatePct"), kind: "percent", digits: 2 },
    { key: "extremePoorPeople", label: t("columns.extremePoorPeople"), kind: "count" },
    { key: "p1", label: t("columns.p1"), kind: "number", digits: 3, fixedDigits: true },
    { key: "p2", label: t("columns.p2"), kind: "number", digits: 3, fixedDigits: true },
    { key: "povertyLineRupiah", label: t("columns.povertyLineRupiah"), kind: "rupiah" },
    { key: "source", label: t("columns.source"), kind: "text" },
  ];
}

function figures(row: StatisticRow) {
  return {
    povertyRatePct: row.povertyRatePct,
    poorPeople: row.poorPeople,
    extremeRatePct: row.extremeRatePct,
    extremePoorPeople: row.extremePoorPeople,
    p1: row.p1,
    p2: row.p2,
    // A poverty line is some hundred thousand Rupiah: exact as a number (the cells' type).
    povertyLineRupiah: row.povertyLineRupiah === null ? null : Number(row.povertyLineRupiah),
    source: row.source,
  };
}

/** The series over the years (people, not households: nothing to suppress). */
export function seriesTable(rows: StatisticRow[], areaName: string, t: StatisticsT): FigureTable {
  return {
    id: "seri",
    title: `${t("series.title")} — ${areaName}`,
    notFilteredBy: ["year"],
    columns: [{ key: "year", label: t("columns.year"), kind: "text" }, ...figureColumns(t)],
    rows: rows.map((row) => ({ year: String(row.year), ...figures(row) })),
  };
}

export function kecamatanTable(rows: StatisticRow[], year: number, t: StatisticsT): FigureTable {
  return {
    id: "kecamatan",
    title: t("kecamatanTable.title", { year }),
    notFilteredBy: ["kecamatan"],
    columns: [{ key: "area", label: t("columns.area"), kind: "text" }, ...figureColumns(t)],
    rows: rows.map((row) => ({ area: row.areaName, ...figures(row) })),
  };
}

export function targetsTable(rows: TargetRow[], t: StatisticsT): FigureTable {
  return {
    id: "target",
    title: t("targetsTable.title"),
    notFilteredBy: ["year", "kecamatan"],
    columns: [
      { key: "indicator", label: t("columns.indicator"), kind: "text" },
      { key: "area", label: t("columns.area"), kind: "text" },
      { key: "year", label: t("columns.year"), kind: "text" },
      { key: "value", label: t("columns.value"), kind: "number", digits: 2 },
      { key: "note", label: t("columns.note"), kind: "text" },
    ],
    rows: rows.map((row) => ({
      indicator: t(`indicators.${row.indicator as "POVERTY_RATE"}`),
      area: row.areaName ?? t("city"),
      year: String(row.year),
      value: row.value,
      note: row.note,
    })),
  };
}
