import type { Metadata } from "next";
import { programmeChoicesHint } from "@/components/ui/programme-choices-hint";
import { ClosedYearNotice } from "@/components/ui/closed-year-notice";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { AidFilters } from "@/features/aid/ui/aid-filters";
import { DistributionTable } from "@/features/aid/ui/distribution-table";
import { tableRows } from "@/features/aid/ui/table-rows";
import { ExportLinks } from "@/components/spreadsheet/export-links";
import { ImportPanel } from "@/components/spreadsheet/import-panel";
import { Card, CardHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { FormNotice } from "@/components/ui/form-alert";
import { PageHeader } from "@/components/ui/page-header";
import { aidFilterQuery, parseAidFilter } from "@/features/aid/filters";
import { distributionTotals, listDistributions, pendingDistributions, programmeChoices } from "@/features/aid/queries";
import { requireTenantPage } from "@/lib/auth/guard";
import { userCan } from "@/lib/auth/permissions";
import { withTenant } from "@/lib/db";
import type { AidKind } from "@/lib/generated/prisma/enums";
import { formatNumber, formatRupiah } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { yearContext } from "@/features/programmes/year-context";
import { importDistributionsAction, verifyDistributionsAction } from "@/features/aid/actions";
import { aidRoutes } from "@/features/aid/routes";
import { readSearchParams } from "@/lib/validation/search-params";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Aid");
  return { title: t("title") };
}

export default async function AidPage({ params, searchParams }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "aid");
  const query = readSearchParams(await searchParams);
  const filter = parseAidFilter(query);
  const canWrite = userCan(user, "entry:write") && Boolean(user.opdId);
  const canVerify = userCan(user, "entry:verify") && Boolean(user.opdId);

  const data = await withTenant(user.tenantId, async (tx) => {
    const context = await yearContext(tx, user, query);
    const options = { scope: context.scope, fiscalYear: context.year, opdId: context.opdId };
    const [list, totals, pending, programmes] = await Promise.all([
      listDistributions(tx, filter, options),
      distributionTotals(tx, filter, options),
      pendingDistributions(tx, options),
      programmeChoices(tx, options, filter.program),
    ]);
    return { context, list, totals, pending, programmes };
  });
  const { context, list, totals, pending } = data;

  const [t, tp, locale, messages] = await Promise.all([
    getTranslations("Aid"),
    getTranslations("Programmes"),
    getLocale() as Promise<AppLocale>,
    getMessages(),
  ]);
  const showOpd = context.scope.kind === "city";
  const rowOptions = { tenantSlug: slug, locale, showOpd, kindLabel: (kind: AidKind) => t(`kinds.${kind}`), noHead: t("list.noHead") };
  const path = aidRoutes.list(slug);
  const base = { ...filter, tahun: context.year, opd: showOpd ? context.opdId : null };

  return (
    <NextIntlClientProvider messages={{ Aid: messages.Aid, Spreadsheet: messages.Spreadsheet, Entries: messages.Entries }}>
      <PageHeader
        eyebrow={t("eyebrow", { year: context.year })}
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <LinkButton href={aidRoutes.bpjs(slug)} variant="secondary">
              {t("bpjs.link")}
            </LinkButton>
            {canWrite ? <LinkButton href={aidRoutes.create(slug)}>{t("add")}</LinkButton> : null}
          </>
        }
      />
      {context.scope.kind === "opd" && !context.opdId ? (
        <FormNotice>{tp("noOpd")}</FormNotice>
      ) : (
        <>
          <ClosedYearNotice year={context.year} currentYear={context.fiscalYears.current} />
          <AidFilters
            path={path}
            filter={filter}
            years={context.years}
            year={context.year}
            opds={context.opds}
            opdId={context.opdId}
            programmes={data.programmes.choices}
            programmesHint={await programmeChoicesHint(data.programmes.cut)}
          />

          {canWrite ? (
            <Card className="mt-6">
              <CardHeader id="aid-import" title={t("bulk.title")} description={t("bulk.intro")} />
              <div className="p-4 sm:p-5">
                <ImportPanel
                  action={importDistributionsAction.bind(null, slug)}
                  templateHref={aidRoutes.template(slug)}
                  idPrefix="aid-import"
                  downloadBase="penyaluran-bantuan"
                  notesTitle={t("bulk.notesTitle")}
                >
                  <label className="flex min-h-9 items-start gap-2 text-sm text-ink">
                    <input type="checkbox" name="acknowledgeDuplicates" value="1" className="mt-0.5 size-4 shrink-0 accent-brand-700" />
                    <span>
                      {t("bulk.acknowledge")} <span className="text-muted">{t("bulk.acknowledgeHint")}</span>
                    </span>
                  </label>
                </ImportPanel>
              </div>
            </Card>
          ) : null}

          <section className="mt-6">
            <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="aid-pending" className="text-lg font-semibold text-ink">
                {t("pending.title")} ({formatNumber(pending.count, { locale })})
              </h2>
              <p className="text-sm text-muted">{canVerify ? t("pending.introHead") : t("pending.introOthers")}</p>
            </div>
            <DistributionTable
              rows={tableRows(pending.rows, rowOptions)}
              label={t("pending.title")}
              verifyAction={canVerify ? verifyDistributionsAction.bind(null, slug) : undefined}
            />
            {pending.count > pending.rows.length ? (
              <p className="mt-2 text-sm text-muted">{t("pending.more", { shown: pending.rows.length, total: pending.count })}</p>
            ) : null}
          </section>

          <section className="mt-6">
            <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
              <h2 id="aid-list" className="text-lg font-semibold text-ink">
                {t("list.title", { year: context.year })}
              </h2>
              {userCan(user, "data:export") ? <ExportLinks href={aidRoutes.export(slug)} query={aidFilterQuery(base)} /> : null}
            </div>
            {filter.kembali ? <p className="mb-2 text-sm text-muted">{t(filter.kembali === "1" ? "list.returnedOnly" : "list.waitingOnly")}</p> : null}
            {filter.bukti ? <p className="mb-2 text-sm text-muted">{t("list.withoutProofOnly")}</p> : null}
            <p className="mb-2 text-sm text-ink" data-testid="aid-list-totals">
              {t("list.totals", {
                count: formatNumber(totals.count, { locale }),
                value: formatRupiah(totals.value, { locale }),
                verified: formatRupiah(totals.verifiedValue, { locale }),
              })}
            </p>
            <DistributionTable rows={tableRows(list.rows, rowOptions)} label={t("list.title", { year: context.year })} />
            <nav aria-label={t("list.pages")} className="mt-3 flex flex-wrap gap-3">
              {!list.isFirstPage ? (
                <LinkButton href={aidRoutes.list(slug, aidFilterQuery(base))} variant="secondary">
                  {t("list.first")}
                </LinkButton>
              ) : null}
              {list.nextAfter ? (
                <LinkButton href={aidRoutes.list(slug, aidFilterQuery(base, list.nextAfter))} variant="secondary">
                  {t("list.next")}
                </LinkButton>
              ) : null}
            </nav>
          </section>
        </>
      )}
    </NextIntlClientProvider>
  );
}
