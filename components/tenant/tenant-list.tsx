import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { TenantSummary } from "@/lib/tenant/queries";

export async function TenantList({ tenants }: { tenants: TenantSummary[] }) {
  const t = await getTranslations("Home");
  if (tenants.length === 0) {
    return <p className="rounded-lg border border-dashed border-line bg-white p-6 text-muted">{t("empty")}</p>;
  }
  return (
    <ul aria-label={t("listLabel")} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {tenants.map((tenant) => (
        <li
          key={tenant.id}
          className="group relative rounded-lg border border-line border-t-4 border-t-brand-600 bg-white p-5 shadow-xs transition-shadow focus-within:shadow-md hover:shadow-md"
        >
          <h2 className="text-lg font-semibold text-brand-900">
            {/* The link covers the whole card; its name stays the city's name. */}
            <Link href={`/${tenant.slug}`} className="after:absolute after:inset-0 after:rounded-lg">
              {tenant.name}
            </Link>
          </h2>
          <p className="mt-1 text-muted">{t("province", { province: tenant.provinceName })}</p>
          <p className="mt-3 text-sm text-muted">{t("code", { code: tenant.kemendagriCode })}</p>
          <p aria-hidden="true" className="mt-4 text-sm font-medium text-brand-700 group-hover:underline">
            {t("open", { city: tenant.name })} →
          </p>
        </li>
      ))}
    </ul>
  );
}
