import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { TargetHouseholdsFilters } from "@/features/programmes/target-households/ui/target-household-filters";
import { RegistryResults } from "@/features/registry/ui/registry-results";
import { ExportLinks } from "@/components/spreadsheet/export-links";
import { LinkButton } from "@/components/ui/button";
import { FormNotice } from "@/components/ui/form-alert";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenantPage } from "@/lib/auth/guard";
import { userCan } from "@/lib/auth/permissions";
import { withTenant } from "@/lib/db";
import { formatNumber } from "@/lib/format";
import { getProgramme } from "@/features/programmes/queries";
import { programmeScope } from "@/lib/auth/scope";
import { targetHouseholdsPage } from "@/features/programmes/target-households/target-households";
import { parseTargetHouseholdsFilter, targetHouseholdsQuery } from "@/features/programmes/target-households/schema";
import { listAreaChoices } from "@/features/areas/choices";
import { programmesRoutes } from "@/features/programmes/routes";
import { readSearchParams } from "@/lib/validation/search-params";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ tenant: string; programmeId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("TargetHouseholds");
  return { title: t("title") };
}

export default async function TargetHouseholdsPage({ params, searchParams }: Props) {
  const { tenant: slug, programmeId } = await params;
  const user = await requireTenantPage(slug, "programmes");
  const filter = parseTargetHouseholdsFilter(readSearchParams(await searchParams));
  const data = await withTenant(user.tenantId, async (tx) => {
    // Another OPD's programme is "not found" for OPD roles.
    const programme = await getProgramme(tx, programmeScope(user), programmeId);
    if (!programme) return null;
    const [page, areas] = await Promise.all([
      targetHouseholdsPage(tx, filter, { tenantId: user.tenantId, fiscalYear: programme.fiscalYear }),
      listAreaChoices(tx),
    ]);
    return { programme, page, areas };
  });
  if (!data) notFound();
  const { programme, page } = data;
  const [t, locale] = await Promise.all([getTranslations("TargetHouseholds"), getLocale()]);
  const path = programmesRoutes.targetHouseholds(slug, programme.id);
  const count = formatNumber(page.total, { locale });

  return (
    <>
      <Link
        href={programmesRoutes.detail(slug, programme.id)}
        className="mb-3 inline-block text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
      >
        {t("back")}
      </Link>
      <PageHeader
        eyebrow={t("eyebrow", { opd: programme.opd.shortName, year: programme.fiscalYear })}
        title={t("title")}
        description={t("description", { programme: programme.name, year: programme.fiscalYear })}
        actions={
          userCan(user, "data:export") ? (
            <ExportLinks href={programmesRoutes.targetHouseholdsExport(slug, programme.id)} query={targetHouseholdsQuery({ ...filter, after: undefined })} />
          ) : null
        }
      />
      <TargetHouseholdsFilters path={path} filter={filter} areas={data.areas} />
      {page.cursorLost ? (
        <div className="mt-4">
          <FormNotice>{t("cursorLost")}</FormNotice>
        </div>
      ) : null}
      <section aria-labelledby="target-households-list" className="mt-6">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="target-households-list" className="text-lg font-semibold text-ink">
            {t("listTitle", { count })}
          </h2>
          <p className="text-sm text-muted">{t("order")}</p>
        </div>
        {page.rows.length === 0 ? (
          <p className="rounded-lg border border-line bg-white p-5 text-muted">{t("none")}</p>
        ) : (
          <div className="rounded-lg border border-line bg-white shadow-xs">
            <RegistryResults rows={page.rows} tenantSlug={slug} />
          </div>
        )}
        <nav aria-label={t("pages")} className="mt-3 flex flex-wrap gap-3">
          {filter.after ? (
            <LinkButton
              href={programmesRoutes.targetHouseholds(slug, programme.id, targetHouseholdsQuery({ ...filter, after: undefined }))}
              variant="secondary"
            >
              {t("first")}
            </LinkButton>
          ) : null}
          {page.nextAfter ? (
            <LinkButton href={programmesRoutes.targetHouseholds(slug, programme.id, targetHouseholdsQuery(filter, page.nextAfter))} variant="secondary">
              {t("next")}
            </LinkButton>
          ) : null}
        </nav>
      </section>
    </>
  );
}
