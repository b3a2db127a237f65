// The poverty dashboard's exports: one table (`?tabel=kecamatan`) or all of them (`?tabel=semua`),
// small household cells hidden as on the page.
import { getTranslations } from "next-intl/server";
import type { DashboardExport } from "../export-route";
import { graduationDefinitions, POVERTY_TABLES, povertyTables } from "./tables";

export const povertyDashboardExport: DashboardExport = {
  page: "povertyDashboard",
  table: async (tx, { filters, locale }, tableId) => {
    const build = Object.hasOwn(POVERTY_TABLES, tableId) ? POVERTY_TABLES[tableId] : undefined;
    return build ? build(tx, filters, await getTranslations("PovertyDashboard"), locale) : null;
  },
  workbook: {
    namespace: "PovertyDashboard",
    filters: ["kecamatan", "opd", "programme"],
    tables: async (tx, { filters, locale }) => povertyTables(tx, filters, await getTranslations("PovertyDashboard"), locale),
    definitions: async () => graduationDefinitions(await getTranslations("PovertyDashboard")),
  },
};
