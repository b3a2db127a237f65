// The report's tables: the dashboards' figures (figures.ts) in the shape each chapter prints
// them, as tables of figures (lib/spreadsheet/figures.ts) hidden where small as the
// dashboards hide them (suppressTable): a count of one to four households never appears.
import { percentOf } from "@/features/dashboards/poverty/tables";
import { monthName } from "@/lib/calendar/months";
import type { AppLocale } from "@/lib/i18n/locales";
import type { FigureTable } from "@/lib/spreadsheet/figures";
import { suppressTable } from "@/lib/spreadsheet/suppression";
import type { AnnualFigures } from "./figures";
import type { ReportWords } from "./words";

const sum = <T>(rows: readonly T[], pick: (row: T) => number) => rows.reduce((total, row) => total + pick(row), 0);
/** Rupiah as a table cell: a number, exact below 9 × 10^15 (lib/spreadsheet/figures.ts). */
const rupiahCell = (amount: bigint) => Number(amount);

/** BPS's indicators per year: P0, poor people, P1, P2 and the poverty line (people, not households: nothing to hide). */
export function statisticsTable(f: AnnualFigures, w: ReportWords): FigureTable {
  const c = (key: string) => w.t(`columns.${key}` as "columns.year");
  return {
    id: "bps",
    title: w.t("tables.bps", { first: f.statistics[0]?.year ?? f.year, last: f.statistics.at(-1)?.year ?? f.year }),
    columns: [
      { key: "year", label: c("year"), kind: "text" },
      { key: "p0", label: c("p0"), kind: "percent", digits: 2 },
      { key: "poorPeople", label: c("poorPeople"), kind: "count" },
      { key: "p1", label: c("p1"), kind: "number", digits: 3, fixedDigits: true },
      { key: "p2", label: c("p2"), kind: "number", digits: 3, fixedDigits: true },
      { key: "povertyLine", label: c("povertyLine"), kind: "rupiah" },
    ],
    rows: f.statistics.map((row) => ({
      year: String(row.year),
      p0: row.povertyRatePct,
      poorPeople: row.poorPeople,
      p1: row.p1,
      p2: row.p2,
      povertyLine: row.povertyLineRupiah === null ? null : rupiahCell(row.povertyLineRupiah),
    })),
  };
}

/** Active, extreme-poor and desil 1–4 households per kecamatan, from the registry as it stands. */
export function registryTable(f: AnnualFigures, w: ReportWords): FigureTable {
  const rows = f.registryByKecamatan;
  const households = sum(rows, (r) => r.households);
  const extremePoor = sum(rows, (r) => r.extremePoor);
  return suppressTable({
    id: "registri",
    title: w.t("tables.registry"),
    columns: [
      { key: "name", label: w.t("columns.kecamatan"), kind: "text" },
      { key: "households", label: w.t("columns.households"), kind: "households" },
      { key: "extremePoor", label: w.t("columns.extremePoor"), kind: "households" },
      { key: "desil1to4", label: w.t("columns.desil1to4"), kind: "households" },
      { key: "extremeShare", label: w.t("columns.extremeShare"), kind: "percent", derivedFrom: ["extremePoor", "households"] },
    ],
    rows: rows.map((r) => ({
      name: r.name,
      households: r.households,
      extremePoor: r.extremePoor,
      desil1to4: r.desil1to4,
      extremeShare: percentOf(r.extremePoor, r.households),
    })),
    total: { name: w.t("columns.total"), households, extremePoor, desil1to4: sum(rows, (r) => r.desil1to4), extremeShare: percentOf(extremePoor, households) },
  });
}

export function desilTable(f: AnnualFigures, w: ReportWords): FigureTable {
  const rows = f.desil;
  return suppressTable({
    id: "desil",
    title: w.t("tables.desil"),
    columns: [
      { key: "desil", label: w.t("columns.desil"), kind: "text" },
      { key: "households", label: w.t("columns.households"), kind: "households" },
      { key: "extremePoor", label: w.t("columns.extremePoor"), kind: "households" },
    ],
    rows: rows.map((r) => ({ desil: r.desil === null ? w.t("columns.noDesil") : String(r.desil), households: r.households, extremePoor: r.extremePoor })),
    total: { desil: w.t("columns.total"), households: sum(rows, (r) => r.households), extremePoor: sum(rows, (r) => r.extremePoor) },
  });
}

/** What each OPD's programmes achieved; the total counts a household reached by two OPDs once. */
export function resultsByOpdTable(f: AnnualFigures, w: ReportWords): FigureTable {
  const total = f.results;
  return suppressTable({
    id: "hasil-opd",
    title: w.t("tables.resultsByOpd", { year: f.year }),
    columns: [
      { key: "name", label: w.t("columns.opd"), kind: "text" },
      { key: "reached", label: w.t("columns.reached"), kind: "households" },
      { key: "trained", label: w.t("columns.trained"), kind: "count" },
      { key: "equipped", label: w.t("columns.equipped"), kind: "households" },
      { key: "businesses", label: w.t("columns.businesses"), kind: "count" },
      { key: "graduates", label: w.t("columns.graduates"), kind: "households" },
      { key: "realised", label: w.t("columns.realised"), kind: "rupiah", cityWide: true },
    ],
    rows: f.resultsByOpd.map((r) => ({
      name: r.opdShortName,
      reached: r.reached,
      trained: r.trained,
      equipped: r.equipped,
      businesses: r.businesses,
      graduates: r.graduates,
      realised: rupiahCell(r.realised),
    })),
    totalOfRows: "distinct",
    total: {
      name: w.t("columns.total"),
      reached: total.reached,
      trained: total.trained,
      equipped: total.equipped,
      businesses: total.businesses,
      graduates: total.graduates,
      realised: rupiahCell(total.realised),
    },
  });
}

/** Each programme: its target as the OPD set it, and what it reached and spent. */
export function programmesTable(f: AnnualFigures, w: ReportWords): FigureTable {
  return suppressTable({
    id: "program",
    title: w.t("tables.programmes", { year: f.year }),
    columns: [
      { key: "name", label: w.t("columns.programme"), kind: "text" },
      { key: "opd", label: w.t("columns.opd"), kind: "text" },
      { key: "kind", label: w.t("columns.kind"), kind: "text" },
      { key: "target", label: w.t("columns.target"), kind: "count" },
      { key: "unit", label: w.t("columns.unit"), kind: "text" },
      { key: "reached", label: w.t("columns.reached"), kind: "households" },
      { key: "trained", label: w.t("columns.trained"), kind: "count" },
      { key: "graduates", label: w.t("columns.graduates"), kind: "households" },
      { key: "realised", label: w.t("columns.realised"), kind: "rupiah", cityWide: true },
    ],
    rows: f.resultsByProgramme.map((r) => {
      const target = f.programmeTargets.get(r.programmeId);
      return {
        name: r.programmeName,
        opd: r.opdShortName,
        kind: target ? w.kind(target.kind) : null,
        target: target?.target ?? null,
        unit: target ? w.unit(target.unit) : null,
        reached: r.reached,
        trained: r.trained,
        graduates: r.graduates,
        realised: rupiahCell(r.realised),
      };
    }),
    // Households reached by two programmes count in both rows: the rows add up to no total.
    totalOfRows: "distinct",
  });
}

const absorptionColumns = (w: ReportWords) =>
  [
    { key: "pagu", label: w.t("columns.pagu"), kind: "rupiah" },
    { key: "realised", label: w.t("columns.realised"), kind: "rupiah" },
    { key: "absorption", label: w.t("columns.absorption"), kind: "percent", digits: 2 },
  ] as const;

export function budgetBySourceTable(f: AnnualFigures, w: ReportWords): FigureTable {
  const total = f.budget.total;
  return {
    id: "sumber-dana",
    title: w.t("tables.budgetBySource", { year: f.year }),
    columns: [{ key: "name", label: w.t("columns.source"), kind: "text" }, ...absorptionColumns(w)],
    rows: f.budgetBySource.map((r) => ({
      name: w.source(r.fundingSource),
      pagu: rupiahCell(r.pagu),
      realised: rupiahCell(r.realised),
      absorption: r.absorption,
    })),
    total: { name: w.t("columns.total"), pagu: rupiahCell(total.pagu), realised: rupiahCell(total.realised), absorption: total.absorption },
  };
}

export function budgetByOpdTable(f: AnnualFigures, w: ReportWords): FigureTable {
  const total = f.budget.total;
  return {
    id: "anggaran-opd",
    title: w.t("tables.budgetByOpd", { year: f.year }),
    columns: [{ key: "name", label: w.t("columns.opd"), kind: "text" }, ...absorptionColumns(w)],
    rows: f.budgetByOpd.map((r) => ({ name: r.opdShortName, pagu: rupiahCell(r.pagu), realised: rupiahCell(r.realised), absorption: r.absorption })),
    total: { name: w.t("columns.total"), pagu: rupiahCell(total.pagu), realised: rupiahCell(total.realised), absorption: total.absorption },
  };
}

/** The priority households (the registry as it stands) and how many a programme of the year reached. */
export function coverageTable(f: AnnualFigures, w: ReportWords): FigureTable {
  const { coverage, targeting } = f;
  return suppressTable({
    id: "cakupan",
    title: w.t("tables.coverage", { year: f.year }),
    columns: [
      { key: "group", label: w.t("columns.group"), kind: "text" },
      { key: "registered", label: w.t("columns.registered"), kind: "households", sumOf: ["reached", "unreached"] },
      { key: "reached", label: w.t("columns.reached"), kind: "households" },
      { key: "unreached", label: w.t("columns.unreached"), kind: "households" },
      { key: "coverage", label: w.t("columns.coverage"), kind: "percent", derivedFrom: ["reached", "registered"] },
    ],
    rows: [
      {
        group: w.t("groups.extremePoor"),
        registered: coverage.extremePoor,
        reached: coverage.reached,
        unreached: coverage.unreached,
        coverage: percentOf(coverage.reached, coverage.extremePoor),
      },
      {
        group: w.t("groups.eligible"),
        registered: targeting.eligible,
        reached: targeting.eligibleReached,
        unreached: targeting.eligibleUnreached,
        coverage: percentOf(targeting.eligibleReached, targeting.eligible),
      },
    ],
  });
}

/** The households the programmes reached, by where they stand in the ranking: the inclusion error last. */
export function beneficiariesByDesilTable(f: AnnualFigures, w: ReportWords): FigureTable {
  const t = f.targeting;
  const share = (n: number) => percentOf(n, t.beneficiaries);
  return suppressTable({
    id: "penerima-desil",
    title: w.t("tables.beneficiariesByDesil", { year: f.year }),
    columns: [
      { key: "group", label: w.t("columns.group"), kind: "text" },
      { key: "households", label: w.t("columns.beneficiaries"), kind: "households" },
      { key: "share", label: w.t("columns.share"), kind: "percent", derivedFrom: ["households"] },
    ],
    rows: [
      { group: w.t("groups.extremePoor"), households: t.extremePoor, share: share(t.extremePoor) },
      { group: w.t("groups.desil1to4"), households: t.desil1to4, share: share(t.desil1to4) },
      { group: w.t("groups.outside"), households: t.outside, share: share(t.outside) },
    ],
    total: { group: w.t("columns.total"), households: t.beneficiaries, share: t.beneficiaries > 0 ? 100 : null },
  });
}

export function targetingByOpdTable(f: AnnualFigures, w: ReportWords): FigureTable {
  const accuracy = (r: { beneficiaries: number; outside: number }) => percentOf(r.beneficiaries - r.outside, r.beneficiaries);
  const overall = f.targeting;
  return suppressTable({
    id: "ketepatan-opd",
    title: w.t("tables.targetingByOpd", { year: f.year }),
    columns: [
      { key: "name", label: w.t("columns.opd"), kind: "text" },
      { key: "beneficiaries", label: w.t("columns.beneficiaries"), kind: "households", sumOf: ["extremePoor", "desil1to4", "outside"] },
      { key: "extremePoor", label: w.t("columns.extremePoor"), kind: "households" },
      { key: "desil1to4", label: w.t("columns.desil1to4Only"), kind: "households" },
      { key: "outside", label: w.t("columns.outside"), kind: "households" },
      { key: "accuracy", label: w.t("columns.accuracy"), kind: "percent", derivedFrom: ["beneficiaries", "outside"] },
    ],
    rows: f.targetingByOpd.map((r) => ({
      name: r.name,
      beneficiaries: r.beneficiaries,
      extremePoor: r.extremePoor,
      desil1to4: r.desil1to4,
      outside: r.outside,
      accuracy: accuracy(r),
    })),
    totalOfRows: "distinct",
    total: {
      name: w.t("columns.total"),
      beneficiaries: overall.beneficiaries,
      extremePoor: overall.extremePoor,
      desil1to4: overall.desil1to4,
      outside: overall.outside,
      accuracy: accuracy(overall),
    },
  });
}

export function graduationsTable(f: AnnualFigures, w: ReportWords, locale: AppLocale): FigureTable {
  const rows = f.graduations;
  return suppressTable({
    id: "graduasi",
    title: w.t("tables.graduations", { year: f.year }),
    columns: [
      { key: "month", label: w.t("columns.month"), kind: "text" },
      { key: "exitedExtreme", label: w.t("columns.exitedExtreme"), kind: "households" },
      { key: "graduated", label: w.t("columns.graduated"), kind: "households" },
      { key: "graduatedReached", label: w.t("columns.graduatedReached"), kind: "households" },
    ],
    rows: rows.map((r) => ({
      month: monthName(r.month, locale),
      exitedExtreme: r.exitedExtreme,
      graduated: r.graduated,
      graduatedReached: r.graduatedReached,
    })),
    total: {
      month: w.t("columns.total"),
      exitedExtreme: sum(rows, (r) => r.exitedExtreme),
      graduated: sum(rows, (r) => r.graduated),
      graduatedReached: sum(rows, (r) => r.graduatedReached),
    },
  });
}
