// The roll-up's figures as dashboard tables: what the page shows beside its charts and what
// the export writes. Amounts are in Rp juta with one decimal, for charts and spreadsheets;
// the exact Rupiah stay on the summary cards.
import type { Tx } from "@/lib/db";
import { percentOf, type Rupiah } from "@/lib/money";
import type { DashboardFilters } from "@/features/dashboards/filters";
import type { FigureTable } from "@/lib/spreadsheet/figures";
import { revolvingFundsDashboardQueries, type RevolvingFundsDashboardTotals } from "./queries";

type T = (key: string, values?: Record<string, string | number>) => string;

const juta = (amount: Rupiah) => Number(amount / 100_000n) / 10;
const share = (part: number, whole: number) => (whole ? percentOf(BigInt(part), BigInt(whole), 1) : null);

type Figures = Omit<RevolvingFundsDashboardTotals, "funds" | "writtenOff" | "capital">;

/**
 * The roll-up's rates, in percent with one decimal (null without a base): paid on time of
 * what has fallen due, outstanding more than 30 days late (PAR 30), loans to young borrowers.
 */
export function fundRates(row: Pick<Figures, "paidOnTime" | "dueToDate" | "par30" | "outstanding" | "youthLoans" | "loans">) {
  return {
    repaymentRate: percentOf(row.paidOnTime, row.dueToDate, 1),
    par30: percentOf(row.par30, row.outstanding, 1),
    youthShare: share(row.youthLoans, row.loans),
  };
}

function figures(row: Figures) {
  return {
    disbursed: juta(row.disbursed),
    outstanding: juta(row.outstanding),
    ...fundRates(row),
    loans: row.loans,
    businesses: row.businesses,
    rounds: row.roundsCompleted,
  };
}

export const FUND_ROLLUP_TABLES = ["kelurahan", "ageing"] as const;

/** A roll-up table by id; `totals`, when the caller already has them, saves running that query again. */
export async function revolvingFundsDashboardTable(
  tx: Tx,
  filters: DashboardFilters,
  t: T,
  id: string,
  known: { totals?: RevolvingFundsDashboardTotals } = {},
): Promise<FigureTable | null> {
  if (id === "kelurahan") {
    const rows = await revolvingFundsDashboardQueries.byKelurahan(tx, filters);
    const totals = known.totals ?? (await revolvingFundsDashboardQueries.totals(tx, filters));
    return {
      id,
      title: t("byKelurahan"),
      columns: [
        { key: "kelurahan", label: t("columns.kelurahan"), kind: "text" },
        { key: "kecamatan", label: t("kecamatan"), kind: "text" },
        // A kelurahan's few loans are known borrowers: their amounts and arrears are hidden with the count.
        { key: "disbursed", label: t("columns.disbursedJuta"), kind: "number", derivedFrom: ["loans"] },
        { key: "outstanding", label: t("columns.outstandingJuta"), kind: "number", derivedFrom: ["loans"] },
        { key: "repaymentRate", label: t("columns.repaymentRate"), kind: "percent", derivedFrom: ["loans"] },
        { key: "par30", label: t("columns.par30"), kind: "percent", derivedFrom: ["loans"] },
        { key: "youthShare", label: t("columns.youthShare"), kind: "percent", derivedFrom: ["loans"] },
        { key: "loans", label: t("columns.loans"), kind: "households" },
        { key: "businesses", label: t("columns.businesses"), kind: "households" },
        { key: "rounds", label: t("columns.rounds"), kind: "count" },
      ],
      rows: rows.map((row) => ({ kelurahan: row.kelurahan, kecamatan: row.kecamatan, ...figures(row) })),
      total: { kelurahan: t("columns.city"), kecamatan: "", ...figures(totals) },
    };
  }
  if (id === "ageing") {
    const rows = await revolvingFundsDashboardQueries.ageing(tx, filters);
    return {
      id,
      title: t("ageing"),
      columns: [
        { key: "bucket", label: t("columns.bucket"), kind: "text" },
        { key: "loans", label: t("columns.loans"), kind: "households" },
        { key: "outstanding", label: t("columns.outstandingJuta"), kind: "number", derivedFrom: ["loans"] },
      ],
      rows: rows.map((row) => ({ bucket: t(`buckets.${row.bucket}`), loans: row.loans, outstanding: juta(row.outstanding) })),
    };
  }
  return null;
}
