import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { PrintDocument } from "@/components/ui/print-document";
import { requireTenantPage } from "@/lib/auth/guard";
import { withTenant } from "@/lib/db";
import { formatDateLong, formatNumber } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { recordPrint } from "@/lib/privacy/disclosures";
import { maskNumber } from "@/lib/privacy/person-view";
import { readSearchParams } from "@/lib/validation/search-params";
import { cityDashboardFilters } from "@/features/dashboards/mayor-context";
import { dashboardFiltersQuery } from "@/features/dashboards/filters";
import { dashboardsRoutes } from "@/features/dashboards/routes";
import { povertyDashboardQueries } from "@/features/dashboards/poverty/queries";
import {
  parseUnreachedListFilter,
  unreachedCount,
  unreachedListQuery,
  unreachedListRequirement,
  VISITING_LIST_MAX,
  visitingList,
} from "@/features/dashboards/poverty/unreached";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("PovertyDashboard.visiting");
  return { title: t("title") };
}

/** One kelurahan's unreached extreme-poor households, to visit after its musyawarah: names, so only for readers of personal data. */
export default async function UnreachedVisitingListPage({ params, searchParams }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "povertyDashboard", unreachedListRequirement);
  const query = readSearchParams(await searchParams);
  const list = parseUnreachedListFilter(query);
  const kelurahanId = list.kelurahanId;
  const requestHeaders = await headers();
  const data = await withTenant(user.tenantId, async (tx) => {
    const { filters } = await cityDashboardFilters(tx, user.tenantId, query);
    const kelurahan = kelurahanId
      ? await tx.area.findFirst({ where: { id: kelurahanId, level: "KELURAHAN" }, select: { name: true, parent: { select: { name: true } } } })
      : null;
    if (!kelurahanId || !kelurahan) {
      const choices = (await povertyDashboardQueries.coverageByKelurahan(tx, filters)).filter((row) => row.unreached > 0);
      return { kelurahan: null, filters, choices };
    }
    const [rows, total, tenant] = await Promise.all([
      visitingList(tx, filters, { ...list, kelurahanId }),
      unreachedCount(tx, filters, list),
      tx.tenant.findUniqueOrThrow({ where: { id: user.tenantId }, select: { name: true } }),
    ]);
    await recordPrint(tx, user, {
      entity: "UnreachedHouseholds",
      entityId: kelurahanId,
      file: "daftar-kunjungan",
      householdIds: rows.map((row) => row.householdId),
      headers: requestHeaders,
    });
    return { kelurahan, filters, rows, total, cityName: tenant.name };
  });
  const [t, locale] = await Promise.all([getTranslations("PovertyDashboard.visiting"), getLocale() as Promise<AppLocale>]);
  const back = dashboardsRoutes.poverty(
    slug,
    new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(dashboardFiltersQuery(data.filters))), ...unreachedListQuery(list) }),
  );
  const backLink = (
    <Link href={`${back}#daftar`} className="text-sm text-brand-800 underline">
      {t("back")}
    </Link>
  );
  // A visiting list is one kelurahan's: without one (or with an id of none) the page offers
  // those with households to visit, most first.
  if (!data.kelurahan) {
    const printHref = (id: string) =>
      dashboardsRoutes.unreachedPrint(
        slug,
        new URLSearchParams([...new URLSearchParams(dashboardFiltersQuery(data.filters)), ...Object.entries(unreachedListQuery({ ...list, kelurahanId: id }))]),
      );
    return (
      <PrintDocument wide printLabel={null} back={backLink}>
        <h1 className="text-lg font-bold">{t("chooseTitle", { year: data.filters.year })}</h1>
        {data.choices.length === 0 ? (
          <p className="mt-3">{t("chooseNone")}</p>
        ) : (
          <>
            <p className="mt-1 text-muted">{t("chooseKelurahan")}</p>
            <ul className="mt-4 grid grid-cols-1 gap-x-6 gap-y-1.5 sm:grid-cols-2">
              {data.choices.map((row) => (
                <li key={row.kelurahanId}>
                  <Link href={printHref(row.kelurahanId)} className="text-brand-800 underline">
                    {row.name}
                  </Link>{" "}
                  <span className="text-muted">
                    {t("chooseCount", { kecamatan: row.kecamatanName, count: row.unreached, shown: formatNumber(row.unreached, { locale }) })}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </PrintDocument>
    );
  }
  const { kelurahan, filters, rows, total } = data;
  return (
    <PrintDocument wide printLabel={rows.length > 0 ? t("print") : null} back={backLink}>
      <header>
        <p className="text-xs tracking-wide uppercase">{data.cityName}</p>
        <h1 className="mt-1 text-lg font-bold">{t("heading", { kelurahan: kelurahan.name, kecamatan: kelurahan.parent?.name ?? "" })}</h1>
        <p className="mt-1">
          {t("subheading", { year: filters.year, count: total })}
          {list.desil !== null ? ` · ${list.desil === 0 ? t("noDesil") : t("desil", { desil: list.desil })}` : null}
        </p>
        <p className="mt-1 text-muted">{t("printed", { date: formatDateLong(new Date(), { locale }) })}</p>
      </header>
      {rows.length === 0 ? (
        <p className="mt-6">{t("empty")}</p>
      ) : (
        <div className="relative mt-4 overflow-x-auto">
          <table className="w-full border-collapse text-left text-[13px]">
            <thead>
              <tr className="border-b-2 border-ink">
                <th className="py-1 pr-2 text-right tabular-nums">{t("no")}</th>
                <th className="py-1 pr-2">{t("head")}</th>
                <th className="py-1 pr-2">{t("noKk")}</th>
                <th className="py-1 pr-2">{t("rtRw")}</th>
                <th className="py-1 pr-2">{t("address")}</th>
                <th className="py-1 pr-2 text-right">{t("desilColumn")}</th>
                <th className="py-1 pr-2 text-right">{t("members")}</th>
                <th className="w-1/4 py-1">{t("notes")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={row.householdId} className="break-inside-avoid border-b border-line align-top">
                  <td className="py-1.5 pr-2 text-right tabular-nums">{i + 1}</td>
                  <td className="py-1.5 pr-2">{row.headName ?? "–"}</td>
                  <td className="py-1.5 pr-2 font-mono whitespace-nowrap">{maskNumber(row.noKk)}</td>
                  <td className="py-1.5 pr-2 whitespace-nowrap">{[row.rt ?? "–", row.rw ?? "–"].join("/")}</td>
                  <td className="py-1.5 pr-2">{row.address}</td>
                  <td className="py-1.5 pr-2 text-right tabular-nums">{row.desil ?? "–"}</td>
                  <td className="py-1.5 pr-2 text-right tabular-nums">{formatNumber(row.members, { locale })}</td>
                  <td className="py-1.5" />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {total > rows.length ? <p className="mt-3">{t("truncated", { shown: VISITING_LIST_MAX, count: total })}</p> : null}
    </PrintDocument>
  );
}
