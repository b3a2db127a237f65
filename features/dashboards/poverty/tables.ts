// The poverty dashboard's figures as tables (lib/spreadsheet/figures.ts): what the page shows
// beside each chart and what the export route writes, both with small counts and the cells
// that would give them back hidden (suppressTable). Rates divide database aggregates.
import type { getTranslations } from "next-intl/server";
import { monthName } from "@/lib/calendar/months";
import type { Tx } from "@/lib/db";
import type { DashboardFilters } from "@/features/dashboards/filters";
import type { FigureRow, FigureTable } from "@/lib/spreadsheet/figures";
import { suppressTable, suppressTogether, type TableCell } from "@/lib/spreadsheet/suppression";
import type { AppLocale } from "@/lib/i18n/locales";
import {
  povertyDashboardQueries as q,
  type AreaRegistryRow,
  type DesilRow,
  type GraduationMonth,
  type KelurahanCoverageRow,
  type OpdOverlapRow,
  type OpdTargetingRow,
  type OverlapDepthRow,
  type Targeting,
  type TargetProgress,
} from "./queries";

/** The columns Bapeda decides on, shown right after each row's name (ChartPanel `lead`), by table id. */
export const POVERTY_LEAD_COLUMNS = {
  "belum-dijangkau": ["coverage", "unreached", "reached", "extremePoor"],
  "ketepatan-sasaran": ["accuracy", "outside"],
} as const satisfies Record<string, readonly string[]>;

export type BapedaT = Awaited<ReturnType<typeof getTranslations<"PovertyDashboard">>>;

/** A share in percent, or null when there is nothing to divide by. */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? (part / whole) * 100 : null;
}

function sum<T>(rows: readonly T[], pick: (row: T) => number): number {
  return rows.reduce((total, row) => total + pick(row), 0);
}

/** Row indices grouped by a key, in first-seen order. */
function groupsBy<T>(rows: readonly T[], key: (row: T) => string): number[][] {
  const groups = new Map<string, number[]>();
  rows.forEach((row, i) => {
    groups.set(key(row), [...(groups.get(key(row)) ?? []), i]);
  });
  return [...groups.values()];
}

export function registryTable(id: "kecamatan" | "kelurahan", rows: AreaRegistryRow[], t: BapedaT): FigureTable {
  return suppressTable(registryFigures(id, rows, t));
}

function registryFigures(id: "kecamatan" | "kelurahan", rows: AreaRegistryRow[], t: BapedaT): FigureTable {
  const households = sum(rows, (r) => r.households);
  const extremePoor = sum(rows, (r) => r.extremePoor);
  return {
    id,
    title: t(id === "kecamatan" ? "kecamatan.title" : "kelurahan.title"),
    columns: [
      { key: "name", label: t(id === "kecamatan" ? "columns.kecamatan" : "columns.kelurahan"), kind: "text" },
      ...(id === "kelurahan" ? [{ key: "kecamatan", label: t("columns.kecamatan"), kind: "text" as const }] : []),
      { key: "households", label: t("columns.households"), kind: "households" },
      { key: "extremePoor", label: t("columns.extremePoor"), kind: "households" },
      { key: "desil1to4", label: t("columns.desil1to4"), kind: "households" },
      { key: "extremeShare", label: t("columns.extremeShare"), kind: "percent", derivedFrom: ["extremePoor", "households"] },
    ],
    rows: rows.map((r) => ({
      name: r.name,
      kecamatan: r.kecamatanName,
      households: r.households,
      extremePoor: r.extremePoor,
      desil1to4: r.desil1to4,
      extremeShare: percentOf(r.extremePoor, r.households),
    })),
    total: {
      name: t("columns.total"),
      kecamatan: null,
      households,
      extremePoor,
      desil1to4: sum(rows, (r) => r.desil1to4),
      extremeShare: percentOf(extremePoor, households),
    },
    // The kecamatan table beside it shows each kecamatan's sum of these rows.
    sumsShownElsewhere: id === "kelurahan" ? groupsBy(rows, (r) => r.kecamatanId) : undefined,
  };
}

export function desilTable(rows: DesilRow[], t: BapedaT): FigureTable {
  return suppressTable({
    id: "desil",
    title: t("desil.title"),
    columns: [
      { key: "desil", label: t("columns.desil"), kind: "text" },
      { key: "households", label: t("columns.households"), kind: "households" },
      { key: "extremePoor", label: t("columns.extremePoor"), kind: "households" },
    ],
    rows: rows.map((r) => ({ desil: r.desil === null ? t("columns.noDesil") : String(r.desil), households: r.households, extremePoor: r.extremePoor })),
    total: { desil: t("columns.total"), households: sum(rows, (r) => r.households), extremePoor: sum(rows, (r) => r.extremePoor) },
  });
}

export function unreachedTable(rows: KelurahanCoverageRow[], t: BapedaT): FigureTable {
  return suppressTable(unreachedFigures(rows, t));
}

function unreachedFigures(rows: KelurahanCoverageRow[], t: BapedaT): FigureTable {
  const extremePoor = sum(rows, (r) => r.extremePoor);
  const reached = sum(rows, (r) => r.reached);
  return {
    id: "belum-dijangkau",
    title: t("unreached.title"),
    columns: [
      { key: "name", label: t("columns.kelurahan"), kind: "text" },
      { key: "kecamatan", label: t("columns.kecamatan"), kind: "text" },
      { key: "unreached", label: t("columns.unreached"), kind: "households" },
      { key: "reached", label: t("columns.reached"), kind: "households" },
      { key: "extremePoor", label: t("columns.extremePoor"), kind: "households", sumOf: ["unreached", "reached"] },
      { key: "coverage", label: t("columns.coverage"), kind: "percent", derivedFrom: ["reached", "extremePoor"] },
    ],
    rows: rows.map((r) => ({
      name: r.name,
      kecamatan: r.kecamatanName,
      unreached: r.unreached,
      reached: r.reached,
      extremePoor: r.extremePoor,
      coverage: percentOf(r.reached, r.extremePoor),
    })),
    total: { name: t("columns.total"), kecamatan: null, unreached: extremePoor - reached, reached, extremePoor, coverage: percentOf(reached, extremePoor) },
    // The kecamatan table shows each kecamatan's extreme-poor households, the sum of its rows here
    // (taken as known for the other counts too, which errs on hiding more).
    sumsShownElsewhere: groupsBy(rows, (r) => r.kecamatanId),
  };
}

const REGISTRY_COUNTS = ["households", "extremePoor", "desil1to4"] as const;

/** The tables of the page that show the registry's extreme-poor households, and the headline cards' own figures. */
export type PovertyAreaTables = { kecamatan: FigureTable; kelurahan: FigureTable; unreached: FigureTable; summary: FigureTable };

/**
 * The kecamatan and kelurahan registry tables, the unreached table and the headline cards
 * repeat one another's figures: each kecamatan adds up its kelurahan, every table's total and the
 * target card show the city's extreme-poor households, and the unreached table shows each
 * kelurahan's again. Suppressed as one, so none of them shows a count, or a total, that another
 * hides, and no hidden count follows from what they show together.
 */
export function povertyAreaTables(
  data: { byKecamatan: AreaRegistryRow[]; byKelurahan: AreaRegistryRow[]; coverage: KelurahanCoverageRow[]; targeting: Targeting; progress: TargetProgress },
  t: BapedaT,
): PovertyAreaTables {
  const { byKecamatan, byKelurahan, coverage } = data;
  const kelurahan = registryFigures("kelurahan", byKelurahan, t);
  const kecamatan = registryFigures("kecamatan", byKecamatan, t);
  // One table: the kelurahan rows, then the kecamatan rows, each adding up its kelurahan, then
  // the city's row adding up the kecamatan.
  const n = byKelurahan.length;
  const cityRow = n + byKecamatan.length;
  const adds = (whole: AreaRegistryRow | FigureRow, parts: readonly (AreaRegistryRow | FigureRow)[]) =>
    REGISTRY_COUNTS.every((key) => whole[key] === parts.reduce((total, part) => total + Number(part[key] ?? 0), 0));
  const rowSums: { whole: number; parts: number[] }[] = [];
  byKecamatan.forEach((area, j) => {
    const parts = byKelurahan.flatMap((row, i) => (row.kecamatanId === area.areaId ? [i] : []));
    if (
      adds(
        area,
        parts.map((i) => byKelurahan[i]!),
      )
    )
      rowSums.push({ whole: n + j, parts });
  });
  if (adds(kelurahan.total!, byKecamatan)) rowSums.push({ whole: cityRow, parts: byKecamatan.map((_, j) => n + j) });
  const registry: FigureTable = {
    ...kelurahan,
    rows: [...kelurahan.rows, ...kecamatan.rows, kelurahan.total!],
    total: undefined,
    sumsShownElsewhere: undefined,
    rowSums,
  };

  const unreached = unreachedFigures(coverage, t);
  const summary = summaryFigures(data.targeting, data.progress);
  const shared: [TableCell, TableCell][] = [];
  const registryRow = new Map(byKelurahan.map((row, i) => [row.areaId, { row, i }]));
  coverage.forEach((row, i) => {
    const same = registryRow.get(row.kelurahanId);
    if (same && same.row.extremePoor === row.extremePoor)
      shared.push([
        { table: 0, cell: `${same.i}/extremePoor` },
        { table: 1, cell: `${i}/extremePoor` },
      ]);
  });
  const cityExtremePoor = kelurahan.total!.extremePoor;
  if (cityExtremePoor === unreached.total!.extremePoor)
    shared.push([
      { table: 0, cell: `${cityRow}/extremePoor` },
      { table: 1, cell: `${coverage.length}/extremePoor` },
    ]);
  if (cityExtremePoor === summary.rows[0]!.current)
    shared.push([
      { table: 0, cell: `${cityRow}/extremePoor` },
      { table: 2, cell: "0/current" },
    ]);
  const [shownRegistry, shownUnreached, shownSummary] = suppressTogether([registry, unreached, summary], shared);
  const rows = shownRegistry!.rows;
  const only = (table: FigureTable, row: FigureRow): FigureRow => Object.fromEntries(table.columns.map((column) => [column.key, row[column.key] ?? null]));
  return {
    kelurahan: { ...kelurahan, rows: rows.slice(0, n), total: rows[cityRow], suppressed: true },
    kecamatan: { ...kecamatan, rows: rows.slice(n, cityRow).map((row) => only(kecamatan, row)), total: only(kecamatan, rows[cityRow]!), suppressed: true },
    unreached: shownUnreached!,
    summary: shownSummary!,
  };
}

/** The area tables of the page (povertyAreaTables) from the database, for an export of one of them. */
async function loadAreaTables(tx: Tx, f: DashboardFilters, t: BapedaT): Promise<PovertyAreaTables> {
  return povertyAreaTables(
    {
      byKecamatan: await q.registryByKecamatan(tx, f),
      byKelurahan: await q.registryByKelurahan(tx, f),
      coverage: await q.coverageByKelurahan(tx, f),
      targeting: await q.targeting(tx, f),
      progress: await q.targetProgress(tx, f),
    },
    t,
  );
}

export function overlapTable(rows: OpdOverlapRow[], t: BapedaT): FigureTable {
  return suppressTable({
    id: "tumpang-tindih",
    title: t("overlap.title"),
    columns: [
      { key: "name", label: t("columns.opd"), kind: "text" },
      { key: "served", label: t("columns.served"), kind: "households" },
      { key: "shared", label: t("columns.shared"), kind: "households" },
      { key: "sharedShare", label: t("columns.sharedShare"), kind: "percent", derivedFrom: ["shared", "served"] },
    ],
    rows: rows.map((r) => ({ name: r.name, served: r.households, shared: r.shared, sharedShare: percentOf(r.shared, r.households) })),
  });
}

export function overlapDepthTable(rows: OverlapDepthRow[], t: BapedaT): FigureTable {
  return suppressTable({
    id: "jumlah-opd",
    title: t("overlap.depthTitle"),
    columns: [
      { key: "opds", label: t("columns.opdCount"), kind: "text" },
      { key: "households", label: t("columns.served"), kind: "households" },
    ],
    rows: rows.map((r) => ({ opds: t("columns.opdCountValue", { count: r.opds }), households: r.households })),
    total: { opds: t("columns.total"), households: sum(rows, (r) => r.households) },
  });
}

export function targetingTable(rows: OpdTargetingRow[], overall: Targeting, t: BapedaT): FigureTable {
  const accuracy = (r: { beneficiaries: number; outside: number }) => percentOf(r.beneficiaries - r.outside, r.beneficiaries);
  return suppressTable({
    id: "ketepatan-sasaran",
    title: t("targeting.title"),
    columns: [
      { key: "name", label: t("columns.opd"), kind: "text" },
      { key: "beneficiaries", label: t("columns.beneficiaries"), kind: "households", sumOf: ["extremePoor", "desil1to4", "outside"] },
      { key: "extremePoor", label: t("columns.extremePoor"), kind: "households" },
      { key: "desil1to4", label: t("columns.desil1to4"), kind: "households" },
      { key: "outside", label: t("columns.outside"), kind: "households" },
      { key: "accuracy", label: t("columns.accuracy"), kind: "percent", derivedFrom: ["beneficiaries", "outside"] },
    ],
    rows: rows.map((r) => ({
      name: r.name,
      beneficiaries: r.beneficiaries,
      extremePoor: r.extremePoor,
      desil1to4: r.desil1to4,
      outside: r.outside,
      accuracy: accuracy(r),
    })),
    // The city's distinct beneficiaries: a household served by two OPDs counts once here.
    totalOfRows: "distinct",
    total: {
      name: t("columns.total"),
      beneficiaries: overall.beneficiaries,
      extremePoor: overall.extremePoor,
      desil1to4: overall.desil1to4,
      outside: overall.outside,
      accuracy: accuracy(overall),
    },
  });
}

export function graduationsTable(rows: GraduationMonth[], t: BapedaT, locale: AppLocale): FigureTable {
  return suppressTable({
    id: "naik-kelas",
    title: t("graduations.title"),
    columns: [
      { key: "month", label: t("columns.month"), kind: "text" },
      { key: "exitedExtreme", label: t("columns.exitedExtreme"), kind: "households" },
      { key: "graduated", label: t("columns.graduated"), kind: "households" },
      { key: "graduatedReached", label: t("columns.graduatedReached"), kind: "households" },
    ],
    rows: rows.map((r) => ({
      month: monthName(r.month, locale),
      exitedExtreme: r.exitedExtreme,
      graduated: r.graduated,
      graduatedReached: r.graduatedReached,
    })),
    total: {
      month: t("columns.total"),
      exitedExtreme: sum(rows, (r) => r.exitedExtreme),
      graduated: sum(rows, (r) => r.graduated),
      graduatedReached: sum(rows, (r) => r.graduatedReached),
    },
    definitions: graduationDefinitions(t).map(({ term, definition }) => `${term}: ${definition}`),
  });
}

/** The graduation figures' names (as in the table) and definitions. */
export function graduationDefinitions(t: BapedaT): { term: string; definition: string }[] {
  return (["exitedExtreme", "graduated", "graduatedReached"] as const).map((key) => ({ term: t(`columns.${key}`), definition: t(`defined.${key}`) }));
}

/**
 * The headline cards' own figures (those not already a total of a table above): the eligible
 * households reached or not, and how far the registry is from the target. Suppressed with the
 * area tables (povertyAreaTables): the registry's extreme-poor households on the target card
 * are the total those tables show or hide.
 */
function summaryFigures(targeting: Targeting, progress: TargetProgress): FigureTable {
  const target = progress.target?.value ?? null;
  return {
    id: "ringkasan",
    title: "",
    columns: [
      { key: "eligible", label: "", kind: "households", sumOf: ["eligibleReached", "eligibleUnreached"] },
      { key: "eligibleReached", label: "", kind: "households" },
      { key: "eligibleUnreached", label: "", kind: "households" },
      { key: "exclusion", label: "", kind: "percent", derivedFrom: ["eligibleUnreached", "eligible"] },
      { key: "current", label: "", kind: "households" },
      { key: "gap", label: "", kind: "number", derivedFrom: ["current"] },
    ],
    rows: [
      {
        eligible: targeting.eligible,
        eligibleReached: targeting.eligibleReached,
        eligibleUnreached: targeting.eligibleUnreached,
        exclusion: percentOf(targeting.eligibleUnreached, targeting.eligible),
        current: progress.current,
        gap: target === null ? null : Math.max(0, progress.current - target),
      },
    ],
  };
}

type Builder = (tx: Tx, filters: DashboardFilters, t: BapedaT, locale: AppLocale) => Promise<FigureTable>;

/** Each exportable table by id, computing only what it needs. */
export const POVERTY_TABLES: Record<string, Builder> = {
  kecamatan: async (tx, f, t) => (await loadAreaTables(tx, f, t)).kecamatan,
  kelurahan: async (tx, f, t) => (await loadAreaTables(tx, f, t)).kelurahan,
  desil: async (tx, f, t) => desilTable(await q.desilDistribution(tx, f), t),
  "belum-dijangkau": async (tx, f, t) => (await loadAreaTables(tx, f, t)).unreached,
  "tumpang-tindih": async (tx, f, t) => overlapTable(await q.overlapByOpd(tx, f), t),
  "jumlah-opd": async (tx, f, t) => overlapDepthTable(await q.overlapDepth(tx, f), t),
  "ketepatan-sasaran": async (tx, f, t) => targetingTable(await q.targetingByOpd(tx, f), await q.targeting(tx, f), t),
  "naik-kelas": async (tx, f, t, locale) => graduationsTable(await q.graduationsByMonth(tx, f), t, locale),
};

/** The page's tables in the order it shows them. */
const PAGE_ORDER = ["belum-dijangkau", "kecamatan", "desil", "ketepatan-sasaran", "tumpang-tindih", "naik-kelas", "jumlah-opd", "kelurahan"] as const;

/** Every table of the page, in its order, by the builders above: the area tables suppressed together and loaded once. */
export async function povertyTables(tx: Tx, f: DashboardFilters, t: BapedaT, locale: AppLocale): Promise<FigureTable[]> {
  const areas = await loadAreaTables(tx, f, t);
  const loaded: Partial<Record<string, FigureTable>> = { kecamatan: areas.kecamatan, kelurahan: areas.kelurahan, "belum-dijangkau": areas.unreached };
  const tables: FigureTable[] = [];
  for (const id of PAGE_ORDER) tables.push(loaded[id] ?? (await POVERTY_TABLES[id]!(tx, f, t, locale)));
  return tables;
}
