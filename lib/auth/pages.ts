import { userCan, userHolds, type Access, type Grantee } from "./permissions";

/** Null: any of the city's users; a list: any one of them suffices. */
export type PagePermission = Access;

/**
 * A page of a city: the permission it needs, and whether it lists named people (names,
 * addresses, masked numbers, desil…), which needs person:read as well. Everything that
 * belongs to a page (its exports, templates, prints, route handlers) names the page, so it
 * can never be open to more users than the page.
 */
export type TenantPage = { permission: PagePermission; people: boolean };

/**
 * The pages of a city. The menu, the gate (lib/auth/gate.ts) and the permission-matrix test
 * all read this table; each page's URL is in its feature's routes.ts (the menu pairs the two).
 */
export const TENANT_PAGES = {
  home: { permission: null, people: false },
  registry: { permission: "registry:read", people: true },
  registryImport: { permission: "registry:import", people: true },
  changeRequests: { permission: ["registry:change-propose", "registry:change-decide"], people: true },
  duplicates: { permission: "registry:graduate", people: true },
  // One household's data subject's access report: everything held about its people.
  subjectAccess: { permission: "person:subject-access", people: true },
  // Its "sasaran" page lists the households to reach next.
  programmes: { permission: "programme:read", people: true },
  trainings: { permission: "programme:read", people: true },
  aid: { permission: "programme:read", people: true },
  budget: { permission: "programme:read", people: false },
  // Counts for all its readers; the named list of the unreached is for registry:read-personal.
  povertyDashboard: { permission: "dashboard:bapeda", people: false },
  statistics: { permission: "dashboard:bapeda", people: false },
  budgetDashboard: { permission: "dashboard:mayor", people: false },
  resultsDashboard: { permission: "dashboard:mayor", people: false },
  revolvingFundsDashboard: { permission: "revolving-fund:rollup", people: false },
  // Figures for all its readers; its by-name annex is for registry:read-personal.
  quarterlyReport: { permission: "report:quarterly", people: false },
  // The TKPK's annual report draft: the dashboards' aggregates in one document, no one named.
  annualReport: { permission: "report:annual", people: false },
  // Borrowers, and their printed agreements and receipts.
  revolvingFunds: { permission: "revolving-fund:read", people: true },
  users: { permission: "user:manage", people: false },
  opds: { permission: "opd:manage", people: false },
  areas: { permission: "area:manage", people: false },
  audit: { permission: "audit:read", people: false },
  // What Entas stores about people and why: the table, not the people.
  processingRecord: { permission: "audit:read", people: false },
} as const satisfies Record<string, TenantPage>;

export type TenantPageKey = keyof typeof TENANT_PAGES;

/** Whether a user (their role, and the mark on their OPD) may open a page of their own city. */
export function userMayOpen(user: Grantee, page: TenantPageKey): boolean {
  const { permission, people }: TenantPage = TENANT_PAGES[page];
  return userHolds(user, permission) && (!people || userCan(user, "person:read"));
}

/**
 * The page files outside a city's tree that anyone may open without signing in, and why. Every
 * other page passes a session gate first (requireTenantPage, requireUser, requirePlatformAdmin);
 * the permission-matrix test holds every page file to one or the other.
 */
export const PUBLIC_PAGES: Readonly<Record<string, string>> = {
  "app/page.tsx": "the front door: sends the signed-in to their home and the others to sign in",
  "app/masuk/page.tsx": "sign-in",
  "app/publik/[city]/page.tsx": "a city's figures, aggregates only with small counts hidden, once its admin has opened the page",
};
