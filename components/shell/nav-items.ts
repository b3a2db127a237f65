import type { Messages } from "@/lib/i18n/catalogues";

export type NavKey = Exclude<keyof Messages["Nav"], "label">;

export type NavItem = {
  /** Label key under `Nav` in the catalogues. */
  key: NavKey;
  /** Path under /<tenant>; "" is the tenant's home. Folder names follow the URL. */
  segment: string;
  /** Flip to true when the page exists; until then the item is not shown. */
  available: boolean;
  // Later: `permission`, filtered with the pure can(role, permission) from the permission table.
};

/** The tenant menu, in display order. */
export const tenantNavItems = [
  { key: "home", segment: "", available: true },
  { key: "registry", segment: "registri", available: false },
  { key: "programmes", segment: "program", available: false },
  { key: "trainings", segment: "pelatihan", available: false },
  { key: "aid", segment: "bantuan", available: false },
  { key: "budget", segment: "anggaran", available: false },
  { key: "dashboard", segment: "dasbor", available: false },
  { key: "revolvingFund", segment: "dana-pem", available: false },
  { key: "users", segment: "pengguna", available: false },
  { key: "audit", segment: "audit", available: false },
] as const satisfies readonly NavItem[];

export function visibleNavItems(items: readonly NavItem[] = tenantNavItems): NavItem[] {
  return items.filter((item) => item.available);
}

export function navHref(tenantSlug: string, item: Pick<NavItem, "segment">): string {
  return item.segment ? `/${tenantSlug}/${item.segment}` : `/${tenantSlug}`;
}
