import type { Permission } from "./permissions";

/**
 * The pages of a city, with the permission each needs (null: any of the city's users).
 * The menu, the page guards and the permission-matrix test all read this table.
 * `available` turns true when the page is built.
 */
export const TENANT_PAGES = {
  home: { segment: "", permission: null, available: true },
  registry: { segment: "registri", permission: "registry:read", available: false },
  registryImport: { segment: "registri/impor", permission: "registry:import", available: false },
  changeRequests: { segment: "registri/perubahan", permission: null, available: false },
  duplicates: { segment: "registri/duplikat", permission: "registry:graduate", available: false },
  programmes: { segment: "program", permission: "programme:read", available: false },
  trainings: { segment: "pelatihan", permission: "programme:read", available: false },
  aid: { segment: "bantuan", permission: "programme:read", available: false },
  budget: { segment: "anggaran", permission: "programme:read", available: false },
  dashboard: { segment: "dasbor", permission: "dashboard:bapeda", available: false },
  revolvingFund: { segment: "dana-pem", permission: "fund:read", available: false },
  users: { segment: "pengguna", permission: "user:manage", available: true },
  opds: { segment: "opd", permission: "opd:manage", available: true },
  areas: { segment: "wilayah", permission: "area:manage", available: true },
  audit: { segment: "audit", permission: "audit:read", available: true },
} as const satisfies Record<string, { segment: string; permission: Permission | null; available: boolean }>;

export type TenantPageKey = keyof typeof TENANT_PAGES;

export function tenantPagePath(tenantSlug: string, page: TenantPageKey): string {
  const { segment } = TENANT_PAGES[page];
  return segment ? `/${tenantSlug}/${segment}` : `/${tenantSlug}`;
}
