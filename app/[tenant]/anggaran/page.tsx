import type { Metadata } from "next";
import Link from "next/link";
import { ClosedYearNotice } from "@/components/ui/closed-year-notice";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { AbsorptionSummary } from "@/features/budget/ui/absorption-summary";
import { BudgetOverviewTable } from "@/features/budget/ui/budget-overview-table";
import { BudgetOpdTable } from "@/features/budget/ui/budget-opd-table";
import { ListPages } from "@/features/budget/ui/list-pages";
import { budgetByOpd } from "@/features/budget/by-opd";
import { afterParam, pageAfter } from "@/features/budget/page-after";
import { PendingEntries } from "@/features/budget/ui/pending-entries";
import { pendingRows } from "@/features/budget/ui/pending-rows";
import { RealisationForm } from "@/features/budget/ui/realisation-form";
import { ExportLinks } from "@/components/spreadsheet/export-links";
import { ImportPanel } from "@/components/spreadsheet/import-panel";
import { YearOpdFilter } from "@/features/programmes/ui/year-opd-filter";
import { keptParam } from "@/components/ui/kept-filters";
import { LinkButton } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { FormNotice } from "@/components/ui/form-alert";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenantPage } from "@/lib/auth/guard";
import { userCan } from "@/lib/auth/permissions";
import { absorptionOf, BEHIND_THRESHOLD_POINTS, isNearPagu } from "@/features/budget/absorption";
import { lastRecordableMonth } from "@/lib/calendar/fiscal-year";
import { MONTHS, monthName } from "@/lib/calendar/months";
import { PENDING_PAGE, budgetOverview, parseReturnedFilter, pendingEntries, writableLines } from "@/features/budget/queries";
import { userNames } from "@/features/users/queries";
import { addTotals } from "@/features/budget/totals";
import { withTenant } from "@/lib/db";
import { formatNumber } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { yearContext, yearQuery } from "@/features/programmes/year-context";
import { createRealisationAction, importRealisationsAction, verifyRealisationsAction } from "@/features/budget/actions";
import { budgetRoutes, NEAR_PAGU_ONLY } from "@/features/budget/routes";
import { programmesRoutes } from "@/features/programmes/routes";
import { firstParam, readSearchParams } from "@/lib/validation/search-params";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Budget");
  return { title: t("title") };
}

export default async function BudgetPage({ params, searchParams }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "budget");
  const query = readSearchParams(await searchParams);
  const canWrite = userCan(user, "entry:write") && Boolean(user.opdId);
  const canVerify = userCan(user, "entry:verify") && Boolean(user.opdId);
  const canExport = userCan(user, "data:export");

  const kembali = parseReturnedFilter(firstParam(query.kembali));

  const data = await withTenant(user.tenantId, async (tx) => {
    const context = await yearContext(tx, user, query);
    const filter = { tenantId: user.tenantId, scope: context.scope, fiscalYear: context.year, opdId: context.opdId };
    // The whole city opens on its OPDs: their drafts are counted there, listed on each OPD's page.
    const byOpd = context.scope.kind === "city" && !context.opdId && !kembali && firstParam(query.hampir) !== NEAR_PAGU_ONLY.hampir;
    const [rows, pending, lines] = await Promise.all([
      budgetOverview(tx, filter),
      byOpd ? Promise.resolve([]) : pendingEntries(tx, filter, kembali),
      canWrite && user.opdId ? writableLines(tx, user.opdId, context.year) : Promise.resolve([]),
    ]);
    const names = await userNames(
      tx,
      pending.map((entry) => entry.createdById),
    );
    return { context, rows, pending, lines, names, byOpd };
  });
  const { context, pending, lines, byOpd } = data;
  const nearPaguOnly = firstParam(query.hampir) === NEAR_PAGU_ONLY.hampir;
  const rows = nearPaguOnly ? data.rows.filter((row) => isNearPagu(row.pagu, row.realised)) : data.rows;
  const page = pageAfter(rows, afterParam(query));

  const [t, tp, locale, messages] = await Promise.all([
    getTranslations("Budget"),
    getTranslations("Programmes"),
    getLocale() as Promise<AppLocale>,
    getMessages(),
  ]);
  const totals = addTotals(data.rows);
  const absorption = absorptionOf(totals.pagu, totals.realised, context.year, context.today);
  const lastMonth = lastRecordableMonth(context.year, context.today);
  const months = MONTHS.filter((month) => month <= lastMonth).map((month) => ({ value: month, label: monthName(month, locale) }));
  // This year: last month, whose spending is now complete; another year: the clerk chooses.
  const defaultMonth = context.year === context.today.year ? Math.max(1, context.today.month - 1) : null;
  const showOpd = context.scope.kind === "city";
  const path = budgetRoutes.list(slug);
  const listQuery = (after: string | null) => {
    const params = new URLSearchParams(yearQuery(context));
    if (nearPaguOnly) params.set("hampir", NEAR_PAGU_ONLY.hampir);
    if (kembali) params.set("kembali", kembali);
    if (after) params.set("after", after);
    return params;
  };

  return (
    <NextIntlClientProvider
      messages={{ Budget: messages.Budget, Programmes: messages.Programmes, Spreadsheet: messages.Spreadsheet, Entries: messages.Entries }}
    >
      <PageHeader
        eyebrow={t("eyebrow", { year: context.year })}
        title={t("title")}
        description={t("description")}
        actions={
          <>
            {canExport ? <ExportLinks href={budgetRoutes.export(slug)} query={yearQuery(context)} /> : null}
            <LinkButton href={programmesRoutes.list(slug, yearQuery(context))} variant="secondary">
              {t("toProgrammes")}
            </LinkButton>
          </>
        }
      />
      {context.scope.kind === "opd" && !context.opdId ? (
        <FormNotice>{tp("noOpd")}</FormNotice>
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
              idPrefix="budget"
              kept={[
                ...(nearPaguOnly ? [{ ...keptParam(NEAR_PAGU_ONLY), label: t("nearPaguChip"), removeHref: budgetRoutes.list(slug, yearQuery(context)) }] : []),
                ...(kembali
                  ? [
                      {
                        name: "kembali",
                        value: kembali,
                        label: t(kembali === "1" ? "returnedChip" : "waitingChip"),
                        removeHref: budgetRoutes.list(slug, yearQuery(context)),
                      },
                    ]
                  : []),
              ]}
            />
          </div>
          <AbsorptionSummary
            label={t("summary.label", { year: context.year })}
            absorption={absorption}
            fiscalYear={context.year}
            pendingCount={totals.pendingCount}
            pendingAmount={totals.pendingAmount}
          />

          {canWrite && lines.length > 0 ? (
            <Card className="mt-6">
              <CardHeader title={t("entry.title")} description={t("entry.intro")} />
              <div className="p-4 sm:p-5">
                {months.length === 0 ? (
                  <p className="text-muted">{t("entry.noMonths")}</p>
                ) : (
                  <RealisationForm
                    mode="create"
                    action={createRealisationAction.bind(null, slug)}
                    lines={lines.map((line) => ({
                      id: line.id,
                      // Shown in the closed box too: the programme first, as lines of different programmes share descriptions.
                      label: `${line.programme.name} — ${tp(`sources.${line.fundingSource}`)}${line.partnerName ? ` (${line.partnerName})` : ""}: ${line.description}`,
                    }))}
                    months={months}
                    defaultMonth={defaultMonth}
                  />
                )}
              </div>
            </Card>
          ) : null}

          {canWrite && lines.length > 0 && months.length > 0 ? (
            <Card className="mt-6">
              <CardHeader title={t("bulk.title")} description={t("bulk.intro")} />
              <div className="p-4 sm:p-5">
                <ImportPanel
                  action={importRealisationsAction.bind(null, slug)}
                  templateHref={budgetRoutes.template(slug)}
                  idPrefix="realisation-import"
                  downloadBase="realisasi"
                >
                  {/* SIPD codes name a programme of one year: the year this page shows. */}
                  <input type="hidden" name="fiscalYear" value={context.year} />
                  <p className="text-sm text-muted">{t("bulk.yearHint", { year: context.year })}</p>
                </ImportPanel>
              </div>
            </Card>
          ) : null}

          {byOpd ? null : (
            <section className="mt-6">
              <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
                <h2 id="budget-pending" className="text-lg font-semibold text-ink">
                  {t("pending.title")} ({formatNumber(totals.pendingCount, { locale })})
                </h2>
                <p className="text-sm text-muted">{canVerify ? t("pending.introHead") : t("pending.introOthers")}</p>
              </div>
              {kembali ? (
                <p className="mb-3 text-sm text-muted" data-testid="budget-pending-only">
                  {t(kembali === "1" ? "pending.returnedOnly" : "pending.waitingOnly", { count: pending.length })}{" "}
                  <Link href={budgetRoutes.list(slug, { tahun: context.year })} className="font-medium text-brand-700 underline underline-offset-2">
                    {t("pending.showAll")}
                  </Link>
                </p>
              ) : null}
              {/* Rendered even when empty, so the head's "verified" notice stays after the list empties. */}
              <PendingEntries
                rows={pendingRows(pending, {
                  tenantSlug: slug,
                  locale,
                  timeZone: context.timeZone,
                  names: data.names,
                  showOpd,
                  sourceLabel: (source) => tp(`sources.${source}`),
                  byAt: (name, date) => t("byAt", { name, date }),
                })}
                canVerify={canVerify}
                action={canVerify ? verifyRealisationsAction.bind(null, slug) : undefined}
              />
              {totals.pendingCount > pending.length ? (
                <p className="mt-2 text-sm text-muted">
                  {t("pending.more", { shown: formatNumber(PENDING_PAGE, { locale }), total: formatNumber(totals.pendingCount, { locale }) })}
                </p>
              ) : null}
            </section>
          )}

          {byOpd ? (
            <section className="mt-6">
              <h2 id="budget-opds" className="mb-1 text-lg font-semibold text-ink">
                {t("opds.title", { year: context.year })}
              </h2>
              <p className="mb-3 text-sm text-muted">{t("opds.intro", { points: BEHIND_THRESHOLD_POINTS })}</p>
              {rows.length === 0 ? (
                <p className="rounded-lg border border-line bg-white p-5 text-muted">{t("noLines", { year: context.year })}</p>
              ) : (
                <div className="rounded-lg border border-line bg-white shadow-xs">
                  <BudgetOpdTable
                    rows={budgetByOpd(rows, context.year, context.today)}
                    label={t("opds.title", { year: context.year })}
                    hrefOf={(opdId) => budgetRoutes.list(slug, { tahun: context.year, opd: opdId })}
                  />
                </div>
              )}
            </section>
          ) : (
            <section className="mt-6">
              <h2 id="budget-lines" className="mb-3 text-lg font-semibold text-ink">
                {t("linesLabel", { year: context.year })}
              </h2>
              {context.scope.kind === "city" && context.opdId ? (
                <p className="mb-2 text-sm">
                  <Link href={budgetRoutes.list(slug, { tahun: context.year })} className="font-medium text-brand-700 underline underline-offset-2">
                    {t("opds.back")}
                  </Link>
                </p>
              ) : null}
              {nearPaguOnly ? (
                <p className="mb-2 text-sm text-muted">
                  {t("nearPaguOnly", { count: formatNumber(rows.length, { locale }) })}{" "}
                  <Link href={budgetRoutes.list(slug, yearQuery(context))} className="font-medium text-brand-700 underline underline-offset-2">
                    {t("showAllLines")}
                  </Link>
                </p>
              ) : null}
              {rows.length === 0 ? (
                <p className="rounded-lg border border-line bg-white p-5 text-muted">{t("noLines", { year: context.year })}</p>
              ) : (
                <div className="rounded-lg border border-line bg-white shadow-xs">
                  <BudgetOverviewTable
                    rows={page.rows}
                    tenantSlug={slug}
                    showOpd={showOpd}
                    label={t("linesLabel", { year: context.year })}
                    today={context.today}
                  />
                </div>
              )}
              <ListPages
                page={page}
                hrefOf={(after) => budgetRoutes.list(slug, listQuery(after))}
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
          )}
        </>
      )}
    </NextIntlClientProvider>
  );
}
