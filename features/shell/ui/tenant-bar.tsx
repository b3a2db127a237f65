import { getTranslations } from "next-intl/server";
import { authRoutes } from "@/features/account/routes";
import type { Grantee } from "@/lib/auth/permissions";
import type { TenantSummary } from "@/lib/tenant/queries";
import { tenantPageHref, visibleNavGroups, visibleNavItems, type NavItem } from "./nav-items";
import { TenantMenu, type MenuGroup } from "./tenant-menu";

/** The city's name and the menu of the pages the user may open, grouped by the work. */
export async function TenantBar({ tenant, user }: { tenant: TenantSummary; user: Grantee }) {
  const t = await getTranslations("Nav");
  const href = (item: NavItem) => tenantPageHref(tenant.slug, item.key);
  const allHrefs = visibleNavItems(user).map(href);
  // The city's home is current only on itself; any other item gives way to the items below it.
  const link = (item: NavItem) => {
    const own = href(item);
    const exact = item.key === "home";
    return { href: own, label: t(item.key), exact, deeper: exact ? [] : allHrefs.filter((other) => other.startsWith(`${own}/`)) };
  };
  const groups: MenuGroup[] = visibleNavGroups(user).map((group) => ({
    label: group.key ? t(`groups.${group.key}`) : null,
    links: group.items.map(link),
  }));
  return (
    <div className="border-b border-line bg-white print:hidden">
      <TenantMenu
        label={t("label", { city: tenant.name })}
        cityName={tenant.name}
        groups={groups}
        words={{ open: t("menu.open"), close: t("menu.close") }}
        account={{ href: authRoutes.changePassword(), label: t("menu.account") }}
      />
    </div>
  );
}
