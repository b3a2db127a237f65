import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { dashboardsRoutes } from "@/features/dashboards/routes";

/** On the city's home page, for readers of the mayor's dashboards: the way to them. */
export async function MayorHomeLinks({ tenantSlug }: { tenantSlug: string }) {
  const t = await getTranslations("Home.mayor");
  const links = [
    { href: dashboardsRoutes.budget(tenantSlug), text: t("budget") },
    { href: dashboardsRoutes.results(tenantSlug), text: t("results") },
  ];
  return (
    <nav aria-labelledby="mayor-home-links" className="mb-6 rounded-lg border border-line border-l-4 border-l-accent-400 bg-white px-4 py-3 shadow-xs sm:px-5">
      <h2 id="mayor-home-links" className="text-base font-semibold text-ink">
        {t("title")}
      </h2>
      <ul className="mt-1 space-y-1">
        {links.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900 sm:min-h-0"
            >
              {link.text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
