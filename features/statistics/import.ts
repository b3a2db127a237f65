// The BPS series from .xlsx/.csv: one row per year and area (KECAMATAN blank =
// the whole city), saved through saveStatistic, so a row is validated exactly like the form
// and a year already recorded gets its figures replaced.
import { messageWordsIn } from "@/lib/actions/error-words";
import type { ActionContext } from "@/lib/actions/define";
import { notFound } from "@/lib/errors";
import { badBytesReason, cellDisplay, holdsBadBytes, isEmptyCell } from "@/lib/spreadsheet/cells";
import { isFreeTextAt } from "@/lib/validation/free-text";
import type { ImportColumn } from "@/lib/spreadsheet/columns";
import { acceptRow, rejectRow, type RowValues } from "@/lib/spreadsheet/table-import";
import { defineTableImport } from "@/lib/spreadsheet/table-import-job";
import { statisticsRoutes } from "@/features/statistics/routes";
import { saveStatistic } from "./operations";
import { importStatisticSchema, type ImportStatisticInput } from "./schemas";

export const STATISTIC_COLUMNS = [
  { key: "year", header: "TAHUN", required: true, example: "2024" },
  { key: "kecamatan", header: "KECAMATAN", aliases: ["WILAYAH"], example: "" },
  { key: "povertyRatePct", header: "PERSENTASE MISKIN", aliases: ["% MISKIN", "P0", "PERSENTASE PENDUDUK MISKIN"], example: "8,61" },
  { key: "poorPeople", header: "PENDUDUK MISKIN", aliases: ["JUMLAH PENDUDUK MISKIN", "JIWA MISKIN"], example: "34.500" },
  { key: "extremeRatePct", header: "PERSENTASE MISKIN EKSTREM", aliases: ["% MISKIN EKSTREM", "PERSENTASE KEMISKINAN EKSTREM"], example: "1,08" },
  { key: "extremePoorPeople", header: "PENDUDUK MISKIN EKSTREM", aliases: ["JUMLAH PENDUDUK MISKIN EKSTREM"], example: "4.320" },
  { key: "p1", header: "P1", aliases: ["INDEKS KEDALAMAN"], example: "1,234" },
  { key: "p2", header: "P2", aliases: ["INDEKS KEPARAHAN"], example: "0,321" },
  { key: "povertyLineRupiah", header: "GARIS KEMISKINAN", aliases: ["GK", "GARIS KEMISKINAN (RP/KAPITA/BULAN)"], example: "612.345" },
  { key: "source", header: "SUMBER", example: "BPS, Maret 2024" },
] as const satisfies readonly ImportColumn[];

type Key = (typeof STATISTIC_COLUMNS)[number]["key"];

export type StatisticImportRow = Omit<ImportStatisticInput, "areaId"> & { kecamatan: string | null };

const header = Object.fromEntries(STATISTIC_COLUMNS.map((column) => [column.key, column.header])) as Record<Key, string>;

/** One row through the form's own schema; its messages are prefixed with the column. */
export function parseStatisticRow(values: RowValues<Key>) {
  const text = (key: Key) => (isEmptyCell(values[key]) ? "" : typeof values[key] === "number" ? String(values[key]) : cellDisplay(values[key]).trim());
  // The figures and the year are numbers: a cell of them holding NUL is refused, not read without it.
  const refused = STATISTIC_COLUMNS.filter((column) => holdsBadBytes(values[column.key]) && !isFreeTextAt(importStatisticSchema, [column.key]));
  if (refused.length > 0) return rejectRow(...refused.map((column) => badBytesReason(column.header)));
  const kecamatan = text("kecamatan");
  const parsed = importStatisticSchema.safeParse({
    year: text("year"),
    areaId: "",
    povertyRatePct: text("povertyRatePct"),
    poorPeople: text("poorPeople"),
    extremeRatePct: text("extremeRatePct"),
    extremePoorPeople: text("extremePoorPeople"),
    p1: text("p1"),
    p2: text("p2"),
    // An Excel number cell stays a number: 612.345 there is 612 Rupiah and a fraction (refused), not the text "612.345".
    povertyLineRupiah: typeof values.povertyLineRupiah === "number" ? values.povertyLineRupiah : text("povertyLineRupiah"),
    source: text("source"),
  });
  if (!parsed.success) {
    return rejectRow(...parsed.error.issues.map((issue) => `${header[issue.path[0] as Key] ?? "BARIS"}: ${messageWordsIn(issue.message, "id")}`));
  }
  const { areaId: _city, ...figures } = parsed.data;
  return acceptRow<StatisticImportRow>({ ...figures, kecamatan: kecamatan || null });
}

async function kecamatanId(ctx: ActionContext, name: string | null): Promise<string | null> {
  if (!name) return null;
  const area = await ctx.tx.area.findFirst({ where: { level: "KECAMATAN", name: { equals: name, mode: "insensitive" } }, select: { id: true } });
  if (!area) throw notFound(`Kecamatan "${name}"`);
  return area.id;
}

export const importStatisticsDefinition = defineTableImport({
  name: "statistics.import",
  permission: "statistics:write",
  columns: STATISTIC_COLUMNS,
  parseRow: parseStatisticRow,
  saveRow: async (ctx, row) => {
    const { kecamatan, ...figures } = row;
    return saveStatistic(ctx, { ...figures, areaId: await kecamatanId(ctx, kecamatan) });
  },
  writes: ["PovertyStatistic"],
  taskRoute: statisticsRoutes.importTask,
});
