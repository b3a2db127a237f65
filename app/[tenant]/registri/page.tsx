import { ExportLinks } from "@/components/spreadsheet/export-links";
import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { FormNotice } from "@/components/ui/form-alert";
import { NumberLookupForm } from "@/features/registry/ui/number-lookup-form";
import { RegistryFilters } from "@/features/registry/ui/registry-filters";
import { RegistryPagination, RegistryResults } from "@/features/registry/ui/registry-results";
import { LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenantPage } from "@/lib/auth/guard";
import { userMayOpen } from "@/lib/auth/pages";
import { userCan } from "@/lib/auth/permissions";
import { withTenant } from "@/lib/db";
import { formatNumber } from "@/lib/format";
import { listAreaChoices } from "@/features/areas/choices";
import { loadKelurahanLabels } from "@/features/areas/labels";
import { parseRegistrySearchParams, registrySearchQuery } from "@/features/registry/search/schema";
import { searchHouseholds } from "@/features/registry/search/search-households";
import { registryScope } from "@/lib/auth/scope";
import { registryRoutes } from "@/features/registry/routes";
import { lookupNumberAction } from "@/features/registry/actions";
import { NUMBER_LOOKUP_POLICY } from "@/lib/privacy/number-lookup";
import { personView } from "@/lib/privacy/person-view";
import { readSearchParams } from "@/lib/validation/search-params";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Registry");
  return { title: t("title") };
}

export default async function RegistryPage({ params, searchParams }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "registry");
  const filter = parseRegistrySearchParams(readSearchParams(await searchParams, ["q"]));
  const scope = registryScope(user);

  const view = personView(user);
  const [t, locale, messages, { tenant, areas, page, fixedKelurahan }] = await Promise.all([
    getTranslations("Registry"),
    getLocale(),
    getMessages(),
    withTenant(user.tenantId, async (tx) => {
      const [tenant, areas, page, fixed] = await Promise.all([
        tx.tenant.findUniqueOrThrow({ where: { id: user.tenantId }, select: { name: true } }),
        scope.kelurahanId || scope.nothing ? Promise.resolve([]) : listAreaChoices(tx),
        searchHouseholds(tx, filter, { tenantId: user.tenantId, scope }),
        scope.kelurahanId ? loadKelurahanLabels(tx) : null,
      ]);
      return { tenant, areas, page, fixedKelurahan: (scope.kelurahanId && fixed?.get(scope.kelurahanId)) || null };
    }),
  ]);

  const path = registryRoutes.list(slug);
  const hrefFor = (cursor: { after?: string; before?: string }) => registryRoutes.list(slug, registrySearchQuery(filter, cursor));
  const links = (
    [
      ["changeRequests", registryRoutes.changeRequests(slug)],
      ["duplicates", registryRoutes.duplicates(slug)],
    ] as const
  ).filter(([key]) => userMayOpen(user, key));
  // The registry in the import's columns, with full numbers: for those who may see them.
  const exports = userCan(user, "registry:read-personal")
    ? [
        { key: scope.kelurahanId ? ("exportOwn" as const) : ("exportCity" as const), query: undefined },
        ...(filter.kelurahan && !scope.kelurahanId ? [{ key: "exportKelurahan" as const, query: `kelurahan=${encodeURIComponent(filter.kelurahan)}` }] : []),
      ]
    : [];
  const notice =
    filter.text.kind === "numberNotHere"
      ? t(view.numberLookup ? "notices.numberNotHere" : "notices.numberNotAllowed")
      : filter.text.kind === "badNumber"
        ? t("notices.badNumber")
        : filter.text.kind === "shortName"
          ? t("notices.shortName")
          : scope.nothing
            ? t("notices.noKelurahan")
            : page.tooSlow
              ? t("notices.tooSlow")
              : page.cursorLost
                ? t("notices.cursorLost")
                : null;
  const count = formatNumber(page.total.count, { locale });

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { city: tenant.name })}
        actions={
          links.length || exports.length ? (
            <>
              {links.map(([key, href]) => (
                <LinkButton key={key} href={href} variant="secondary">
                  {t(`links.${key}`)}
                </LinkButton>
              ))}
              {exports.map(({ key, query }) => (
                <ExportLinks key={key} href={registryRoutes.export(slug)} query={query} formats={["xlsx"]} label={t(`links.${key}`)} />
              ))}
            </>
          ) : undefined
        }
      />
      {view.numberLookup ? (
        <NextIntlClientProvider messages={{ Registry: messages.Registry }}>
          <NumberLookupForm action={lookupNumberAction.bind(null, slug)} tenantSlug={slug} perHour={NUMBER_LOOKUP_POLICY.max} />
        </NextIntlClientProvider>
      ) : null}
      <RegistryFilters path={path} filter={filter} areas={areas} fixedKelurahan={fixedKelurahan} />

      <section aria-labelledby="registry-results" className="mt-6">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="registry-results" className="text-lg font-semibold text-ink">
            {page.total.capped ? t("results.countCapped", { count }) : t("results.count", { count: page.total.count, shown: count })}
          </h2>
          <p className="text-sm text-muted">{t("results.masked")}</p>
        </div>
        {notice ? (
          <div className="mb-3">
            <FormNotice>{notice}</FormNotice>
          </div>
        ) : null}
        {page.rows.length === 0 ? (
          <p className="rounded-lg border border-line bg-white p-5 text-muted">{t("results.empty")}</p>
        ) : (
          <div className="rounded-lg border border-line bg-white shadow-xs">
            <RegistryResults rows={page.rows} tenantSlug={slug} />
          </div>
        )}
        <RegistryPagination hrefFor={hrefFor} prevBefore={page.prevBefore} nextAfter={page.nextAfter} paged={Boolean(filter.after || filter.before)} />
      </section>
    </>
  );
}
