// The rule for the report's detail tables, on a made-up city: no database, since it takes 151
// programmes to pass the limit.
import { describe, expect, it } from "vitest";
import { DETAIL_ROWS_LIMIT, reportDetail } from "../detail";
import type { QuarterlyReportData, ReportProgramme } from "../queries";
import { quarterlyReportTables } from "../tables";

const OPDS = [
  { opdId: "opd-a", opdCode: "1", opdShortName: "Disnaker", opdName: "Dinas Tenaga Kerja" },
  { opdId: "opd-b", opdCode: "2", opdShortName: "Dinsos", opdName: "Dinas Sosial" },
  { opdId: "opd-c", opdCode: "3", opdShortName: "Perkim", opdName: "Dinas Perumahan dan Kawasan Permukiman" },
];

function programme(i: number): ReportProgramme {
  const money = { pagu: 10_000_000n, realisedQuarter: 1_000_000n, realisedToDate: 4_000_000n };
  return {
    id: `programme-${i}`,
    name: `Program ${i}`,
    ...OPDS[i % OPDS.length]!,
    kind: "TRAINING",
    strategy: "RAISE_INCOME",
    sipdCode: null,
    targetUnit: "HOUSEHOLD",
    targetCount: 10,
    targetExtremeCount: 5,
    reached: 0,
    sources: [{ fundingSource: "APBD", accountCodes: [], ...money }],
    ...money,
  };
}

function city(programmes: number): QuarterlyReportData {
  const rows = Array.from({ length: programmes }, (_, i) => programme(i));
  const total = { pagu: 10_000_000n * BigInt(programmes), realisedQuarter: 1_000_000n * BigInt(programmes), realisedToDate: 4_000_000n * BigInt(programmes) };
  return {
    period: { year: 2026, quarter: 3 },
    strategies: [
      { strategy: "RAISE_INCOME", programmes, targetHouseholds: 10 * programmes, targetExtreme: 5 * programmes, reached: 0, reachedExtreme: 0, ...total },
    ],
    programmes: rows,
    sources: [{ fundingSource: "APBD", ...total }],
    total,
    reach: { extremePoor: 0, reachedExtreme: 0, reached: 0, firstReachedInQuarter: 0, reachedByQuarterEnd: 0 },
  };
}

describe("the report's detail tables", () => {
  it("list every programme of a city with up to DETAIL_ROWS_LIMIT of them", () => {
    const data = city(DETAIL_ROWS_LIMIT);
    const detail = reportDetail(data, null);
    expect(detail).toMatchObject({ kind: "programmes", opd: null });
    const tables = quarterlyReportTables(data, "id", detail);
    expect(tables.programmes?.rows).toHaveLength(DETAIL_ROWS_LIMIT);
    expect(tables.budget?.rows).toHaveLength(DETAIL_ROWS_LIMIT);
  });

  it("give way to the note past the limit when no OPD is chosen, the other tables still whole", () => {
    const data = city(DETAIL_ROWS_LIMIT + 1);
    for (const asked of [null, "opd-of-another-city"]) {
      const detail = reportDetail(data, asked);
      expect(detail).toEqual({ kind: "perOpd", opd: null, programmeCount: 151 });
      const tables = quarterlyReportTables(data, "id", detail);
      expect([tables.programmes, tables.budget]).toEqual([null, null]);
      expect(tables.opds.rows.map((row) => [row.opd, row.programmes])).toEqual([
        ["Disnaker", 51],
        ["Dinsos", 50],
        ["Perkim", 50],
      ]);
      expect(tables.opds.total).toMatchObject({ programmes: 151, pagu: 1_510_000_000 });
    }
  });

  it("list the chosen OPD's programmes past the limit", () => {
    const data = city(DETAIL_ROWS_LIMIT + 1);
    const detail = reportDetail(data, "opd-b");
    expect(detail.opd).toMatchObject({ id: "opd-b", name: "Dinas Sosial", programmes: 50 });
    const tables = quarterlyReportTables(data, "en", detail);
    expect(tables.programmes?.title).toBe("By programme — Dinas Sosial");
    expect(tables.programmes?.rows.map((row) => row.programme)).toEqual(detail.kind === "programmes" ? detail.programmes.map((p) => p.name) : []);
    expect(detail.kind === "programmes" && new Set(detail.programmes.map((p) => p.opdId))).toEqual(new Set(["opd-b"]));
    expect(tables.programmes?.columns.map((column) => column.key)).not.toContain("opd");
    expect(tables.budget?.rows).toHaveLength(50);
    expect(tables.budget?.total).toMatchObject({ pagu: 500_000_000, realisedToDate: 200_000_000 });
  });

  it("gives the workbook every programme", () => {
    const tables = quarterlyReportTables(city(DETAIL_ROWS_LIMIT + 1), "id");
    expect(tables.programmes?.rows).toHaveLength(151);
  });
});
