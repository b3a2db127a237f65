import { aidRoutes } from "@/features/aid/routes";
import { areasRoutes } from "@/features/areas/routes";
import { auditRoutes } from "@/features/audit/routes";
import { budgetRoutes } from "@/features/budget/routes";
import { dashboardsRoutes } from "@/features/dashboards/routes";
import { homeRoutes } from "@/features/home/routes";
import { opdsRoutes } from "@/features/opds/routes";
import { quarterlyReportRoutes } from "@/features/reports/quarterly/routes";
import { programmesRoutes } from "@/features/programmes/routes";
import { annualReportRoutes } from "@/features/reports/annual/routes";
import { registryRoutes } from "@/features/registry/routes";
import { revolvingFundsRoutes } from "@/features/revolving-funds/routes";
import { statisticsRoutes } from "@/features/statistics/routes";
import { trainingsRoutes } from "@/features/trainings/routes";
import { usersRoutes } from "@/features/users/routes";
import { TENANT_PAGES, userMayOpen, type TenantPageKey } from "@/lib/auth/pages";
import type { Grantee } from "@/lib/auth/permissions";
import type { Messages } from "@/lib/i18n/catalogues";

export type NavKey = Exclude<keyof Messages["Nav"], "label" | "groups" | "menu">;
export type NavGroupKey = keyof Messages["Nav"]["groups"];

/** Each page of lib/auth/pages.ts and the builder of its URL, from its feature's routes.ts. */
const PAGE_HREFS = {
  home: homeRoutes.home,
  registry: registryRoutes.list,
  registryImport: registryRoutes.import,
  changeRequests: registryRoutes.changeRequests,
  duplicates: registryRoutes.duplicates,
  subjectAccess: registryRoutes.subjectAccessList,
  programmes: programmesRoutes.list,
  trainings: trainingsRoutes.list,
  aid: aidRoutes.list,
  budget: budgetRoutes.list,
  povertyDashboard: dashboardsRoutes.poverty,
  statistics: statisticsRoutes.dashboard,
  budgetDashboard: dashboardsRoutes.budget,
  resultsDashboard: dashboardsRoutes.results,
  revolvingFundsDashboard: dashboardsRoutes.revolvingFunds,
  quarterlyReport: quarterlyReportRoutes.report,
  annualReport: annualReportRoutes.page,
  revolvingFunds: revolvingFundsRoutes.list,
  users: usersRoutes.list,
  opds: opdsRoutes.list,
  areas: areasRoutes.list,
  audit: auditRoutes.list,
  processingRecord: auditRoutes.processingRecord,
} satisfies Record<TenantPageKey, (slug: string) => string>;

/** The URL of a page of a city, e.g. `tenantPageHref("mataram", "aid")` is "/mataram/bantuan". */
export function tenantPageHref(tenantSlug: string, page: TenantPageKey): string {
  return PAGE_HREFS[page](tenantSlug);
}

export type NavItem = {
  /** Label key under `Nav` in the catalogues, and the page in lib/auth/pages.ts. */
  key: TenantPageKey & NavKey;
};

/** The tenant menu, in display order: the pages of lib/auth/pages.ts. */
export const tenantNavItems: NavItem[] = (Object.keys(TENANT_PAGES) as (TenantPageKey & NavKey)[]).map((key) => ({ key }));

/** The items a user may open, by the permission table (their role and their OPD's mark). */
export function visibleNavItems(user: Grantee, items: readonly NavItem[] = tenantNavItems): NavItem[] {
  return items.filter((item) => userMayOpen(user, item.key));
}

/**
 * The menu grouped by the work each part serves. A group of which a user may open one page
 * shows as that page's link; the groups' order is the menu's.
 */
export const NAV_GROUPS: readonly { key: NavGroupKey | null; items: readonly (TenantPageKey & NavKey)[] }[] = [
  { key: null, items: ["home"] },
  { key: "registryGroup", items: ["registry", "registryImport", "changeRequests", "duplicates", "subjectAccess"] },
  { key: "programmesGroup", items: ["programmes", "trainings", "aid"] },
  { key: null, items: ["budget"] },
  { key: null, items: ["revolvingFunds"] },
  {
    key: "dashboardsGroup",
    items: ["povertyDashboard", "statistics", "budgetDashboard", "resultsDashboard", "revolvingFundsDashboard", "quarterlyReport", "annualReport"],
  },
  { key: "adminGroup", items: ["users", "opds", "areas", "audit", "processingRecord"] },
];

export type VisibleNavGroup = { key: NavGroupKey | null; items: NavItem[] };

/** The groups of the menu with the pages a user may open; a group left with one page is that page. */
export function visibleNavGroups(user: Grantee): VisibleNavGroup[] {
  return NAV_GROUPS.map((group) => ({
    key: group.items.length > 1 ? group.key : null,
    items: visibleNavItems(
      user,
      group.items.map((key) => ({ key })),
    ),
  }))
    .filter((group) => group.items.length > 0)
    .map((group) => (group.items.length === 1 ? { key: null, items: group.items } : group));
}
