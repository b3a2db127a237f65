import { userHolds, type Access, type Grantee } from "./permissions";

/** Null: any of the city's users; a list: any one of them suffices. */
export type PagePermission = Access;

/**
 * The pages of a city, with the permission each needs.
 * The menu, the gate (lib/auth/gate.ts) and the permission-matrix test all read this table;
 * each page's URL is in its feature's routes.ts (the menu pairs the two).
 */
export const TENANT_PAGES = {
  home: { permission: null },
  registry: { permission: "registry:read" },
  registryImport: { permission: "registry:import" },
  changeRequests: { permission: ["registry:change-propose", "registry:change-decide"] },
  duplicates: { permission: "registry:graduate" },
  programmes: { permission: "programme:read" },
  trainings: { permission: "programme:read" },
  aid: { permission: "programme:read" },
  budget: { permission: "programme:read" },
  povertyDashboard: { permission: "dashboard:bapeda" },
  statistics: { permission: "dashboard:bapeda" },
  budgetDashboard: { permission: "dashboard:mayor" },
  resultsDashboard: { permission: "dashboard:mayor" },
  revolvingFundsDashboard: { permission: "revolving-fund:rollup" },
  revolvingFunds: { permission: "revolving-fund:read" },
  users: { permission: "user:manage" },
  opds: { permission: "opd:manage" },
  areas: { permission: "area:manage" },
  audit: { permission: "audit:read" },
  processingRecord: { permission: "audit:read" },
} as const satisfies Record<string, { permission: PagePermission }>;

export type TenantPageKey = keyof typeof TENANT_PAGES;

/** Whether a user (their role, and the mark on their OPD) may open a page of their own city. */
export function userMayOpen(user: Grantee, page: TenantPageKey): boolean {
  return userHolds(user, TENANT_PAGES[page].permission);
}
