import { getTranslations } from "next-intl/server";
import type { Grantee } from "@/lib/auth/permissions";
import type { TenantSummary } from "@/lib/tenant/queries";
import { NavLink } from "./nav-link";
import { tenantPageHref, visibleNavItems, type NavItem } from "./nav-items";

/** The city's name and the menu of the pages the user may open. */
export async function TenantBar({ tenant, user }: { tenant: TenantSummary; user: Grantee }) {
  const t = await getTranslations("Nav");
  const items = visibleNavItems(user);
  const href = (item: NavItem) => tenantPageHref(tenant.slug, item.key);
  // The city's home is current only on itself; any other item gives way to the items below it.
  const isHome = (item: NavItem) => item.key === "home";
  const deeperHrefs = (item: NavItem) => (isHome(item) ? [] : items.map(href).filter((other) => other.startsWith(`${href(item)}/`)));
  return (
    <div className="border-b border-line bg-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-col gap-x-6 px-4 pt-2 sm:flex-row sm:items-center sm:px-6 sm:pt-0">
        <p className="font-semibold text-brand-900 sm:py-3">{tenant.name}</p>
        <nav aria-label={t("label", { city: tenant.name })} className="-mx-3 overflow-x-auto lg:overflow-x-visible">
          <ul className="flex lg:flex-wrap">
            {items.map((item) => (
              <li key={item.key}>
                <NavLink href={href(item)} exact={isHome(item)} deeper={deeperHrefs(item)}>
                  {t(item.key)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </div>
  );
}
