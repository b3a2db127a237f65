// The revolving-fund roll-up's exports: one table (`?tabel=kelurahan`) or both (`?tabel=semua`).
import { getTranslations } from "next-intl/server";
import type { FigureTable } from "@/lib/spreadsheet/figures";
import type { DashboardExport } from "../export-route";
import { revolvingFundsDashboardFilters } from "./filters";
import { FUND_ROLLUP_TABLES, revolvingFundsDashboardTable } from "./tables";

async function words() {
  const t = await getTranslations("RevolvingFundsDashboard");
  return (key: string, values?: Record<string, string | number>) => t(key as Parameters<typeof t>[0], values);
}

/** The summary cards whose hint says what the figure is (the others' hints give counts), and their hints. */
const CARD_HINTS = {
  repaymentRate: "repaymentRateHint",
  par30: "par30Hint",
  businesses: "businessesHint",
  rounds: "roundsHint",
  capital: "capitalHint",
} as const;

export const revolvingFundsDashboardExport: DashboardExport = {
  page: "revolvingFundsDashboard",
  filters: revolvingFundsDashboardFilters,
  table: async (tx, { filters }, tableId) => revolvingFundsDashboardTable(tx, filters, await words(), tableId),
  workbook: {
    namespace: "RevolvingFundsDashboard",
    filters: ["kecamatan"],
    tables: async (tx, { filters }) => {
      const t = await words();
      const tables: FigureTable[] = [];
      for (const id of FUND_ROLLUP_TABLES) {
        const table = await revolvingFundsDashboardTable(tx, filters, t, id);
        if (table) tables.push(table);
      }
      return tables;
    },
    definitions: async () => {
      const t = await getTranslations("RevolvingFundsDashboard");
      return Object.entries(CARD_HINTS).map(([card, hint]) => ({ term: t(card as keyof typeof CARD_HINTS), definition: t(hint) }));
    },
  },
};
