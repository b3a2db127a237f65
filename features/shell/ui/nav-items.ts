import { TENANT_PAGES, userMayOpen, type TenantPageKey } from "@/lib/auth/pages";
import type { Grantee } from "@/lib/auth/permissions";
import type { Messages } from "@/lib/i18n/catalogues";

export type NavKey = Exclude<keyof Messages["Nav"], "label">;

export type NavItem = {
  /** Label key under `Nav` in the catalogues, and the page in lib/auth/pages.ts. */
  key: TenantPageKey & NavKey;
  /** Path under /<tenant>; "" is the tenant's home. Folder names follow the URL. */
  segment: string;
};

/** The tenant menu, in display order: the built pages of lib/auth/pages.ts. */
export const tenantNavItems: NavItem[] = (Object.keys(TENANT_PAGES) as (TenantPageKey & NavKey)[])
  .filter((key) => TENANT_PAGES[key].available)
  .map((key) => ({ key, segment: TENANT_PAGES[key].segment }));

/** The items a user may open, by the permission table (their role and their OPD's mark). */
export function visibleNavItems(user: Grantee, items: readonly NavItem[] = tenantNavItems): NavItem[] {
  return items.filter((item) => userMayOpen(user, item.key));
}

export function navHref(tenantSlug: string, item: Pick<NavItem, "segment">): string {
  return item.segment ? `/${tenantSlug}/${item.segment}` : `/${tenantSlug}`;
}
