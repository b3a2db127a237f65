import type { Metadata } from "next";
import { ClosedYearNotice } from "@/components/ui/closed-year-notice";
import { getLocale, getTranslations } from "next-intl/server";
import type { AppLocale } from "@/lib/i18n/locales";
import { AbsorptionSummary } from "@/features/budget/ui/absorption-summary";
import { ProgrammeTable } from "@/features/programmes/ui/programme-table";
import { ListPages } from "@/features/budget/ui/list-pages";
import { afterParam, pageAfter } from "@/features/budget/page-after";
import { formatNumber } from "@/lib/format";
import { YearOpdFilter } from "@/features/programmes/ui/year-opd-filter";
import { keptParam } from "@/components/ui/kept-filters";
import { LinkButton } from "@/components/ui/button";
import { FormNotice } from "@/components/ui/form-alert";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenantPage } from "@/lib/auth/guard";
import { userCan } from "@/lib/auth/permissions";
import { absorptionOf, BEHIND_THRESHOLD_POINTS } from "@/features/budget/absorption";
import { programmesBehind } from "@/features/programmes/behind";
import { sumTotals } from "@/features/budget/totals";
import { withTenant } from "@/lib/db";
import { listProgrammes } from "@/features/programmes/queries";
import { yearContext, yearQuery } from "@/features/programmes/year-context";
import { BEHIND_ONLY, programmesRoutes } from "@/features/programmes/routes";
import { firstParam, readSearchParams } from "@/lib/validation/search-params";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Programmes");
  return { title: t("title") };
}

export default async function ProgrammesPage({ params, searchParams }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "programmes");
  const query = readSearchParams(await searchParams);

  const { context, rows, opdName } = await withTenant(user.tenantId, async (tx) => {
    const context = await yearContext(tx, user, query);
    const [rows, opd] = await Promise.all([
      listProgrammes(tx, { tenantId: user.tenantId, scope: context.scope, fiscalYear: context.year, opdId: context.opdId }),
      context.scope.kind === "opd" && context.opdId ? tx.opd.findFirst({ where: { id: context.opdId }, select: { shortName: true } }) : null,
    ]);
    return { context, rows, opdName: opd?.shortName ?? null };
  });

  const [t, locale] = await Promise.all([getTranslations("Programmes"), getLocale() as Promise<AppLocale>]);
  const totals = sumTotals(rows.map((row) => row.totals));
  const absorption = absorptionOf(totals.pagu, totals.realised, context.year, context.today);
  const behindOnly = firstParam(query.tertinggal) === BEHIND_ONLY.tertinggal;
  const shown = behindOnly ? programmesBehind(rows, context.year, context.today) : rows;
  // A page at a time; the summary above sums every programme.
  const page = pageAfter(shown, afterParam(query));
  const listQuery = (after: string | null) => {
    const params = new URLSearchParams(yearQuery(context));
    if (behindOnly) params.set("tertinggal", BEHIND_ONLY.tertinggal);
    if (after) params.set("after", after);
    return params;
  };
  const canWrite = userCan(user, "programme:write") && Boolean(user.opdId);
  const path = programmesRoutes.list(slug);

  return (
    <>
      <PageHeader
        eyebrow={t("eyebrow", { year: context.year })}
        title={t("title")}
        description={opdName ? t("descriptionOpd", { opd: opdName }) : t("description")}
        actions={canWrite ? <LinkButton href={programmesRoutes.create(slug, yearQuery(context))}>{t("add")}</LinkButton> : undefined}
      />
      {context.scope.kind === "opd" && !context.opdId ? (
        <FormNotice>{t("noOpd")}</FormNotice>
      ) : (
        <>
          <ClosedYearNotice year={context.year} currentYear={context.fiscalYears.current} />
          <div className="mb-5">
            <YearOpdFilter
              path={path}
              years={context.years}
              year={context.year}
              opds={context.opds ?? undefined}
              opdId={context.opdId}
              idPrefix="programmes"
              kept={behindOnly ? [{ ...keptParam(BEHIND_ONLY), label: t("behindChip"), removeHref: programmesRoutes.list(slug, yearQuery(context)) }] : []}
            />
          </div>
          <AbsorptionSummary
            label={t("summary.label")}
            absorption={absorption}
            fiscalYear={context.year}
            pendingCount={totals.pendingCount}
            pendingAmount={totals.pendingAmount}
          />
          <section className="mt-6">
            <h2 id="programmes-list" className="mb-3 text-lg font-semibold text-ink">
              {t("listLabel", { year: context.year })}
            </h2>
            {behindOnly ? <p className="mb-2 text-sm text-muted">{t("behindOnly", { count: shown.length, points: BEHIND_THRESHOLD_POINTS })}</p> : null}
            {shown.length === 0 ? (
              <p className="rounded-lg border border-line bg-white p-5 text-muted">
                {canWrite ? t("emptyWriter", { year: context.year }) : t("empty", { year: context.year })}
              </p>
            ) : (
              <div className="rounded-lg border border-line bg-white shadow-xs">
                <ProgrammeTable
                  rows={page.rows}
                  tenantSlug={slug}
                  showOpd={context.scope.kind === "city"}
                  label={t("listLabel", { year: context.year })}
                  expected={absorption.expected}
                />
              </div>
            )}
            <ListPages
              page={page}
              hrefOf={(after) => programmesRoutes.list(slug, listQuery(after))}
              words={{
                label: t("pages.label"),
                shown: t("pages.shown", {
                  from: formatNumber(page.from, { locale }),
                  to: formatNumber(page.to, { locale }),
                  total: formatNumber(page.total, { locale }),
                }),
                first: t("pages.first"),
                next: t("pages.next"),
              }}
            />
          </section>
        </>
      )}
    </>
  );
}
