// The results dashboard's exports: one table (`?tabel=opds`) or all of them (`?tabel=semua`).
import { getTranslations } from "next-intl/server";
import type { DashboardExport } from "../export-route";
import { resultDefinitions, RESULTS_TABLES, resultsDashboardData, resultsTables, type ResultsTableId } from "./tables";

const isTable = (id: string): id is ResultsTableId => (RESULTS_TABLES as readonly string[]).includes(id);

export const resultsDashboardExport: DashboardExport = {
  page: "resultsDashboard",
  table: async (tx, { filters }, tableId) => (isTable(tableId) ? (await resultsTables(await resultsDashboardData(tx, filters)))[tableId] : null),
  workbook: {
    namespace: "ResultsDashboard",
    filters: ["kecamatan", "opd", "programme", "sipd"],
    tables: async (tx, { filters }) => {
      const tables = await resultsTables(await resultsDashboardData(tx, filters));
      return RESULTS_TABLES.map((id) => tables[id]);
    },
    // Each card's definition, then the paragraph under the cards on Rupiah per result.
    definitions: async () => {
      const [defined, t] = await Promise.all([resultDefinitions(), getTranslations("ResultsDashboard")]);
      return [
        ...defined.map(({ term, definition }) => ({ term, definition })),
        { term: t("perResultTerm"), definition: t("definitions") },
        { term: t("sipdTerm"), definition: t("sipdDefinition") },
      ];
    },
  },
};
