import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { AgeingTable } from "@/features/revolving-funds/ui/ageing-table";
import { CapitalForm, FundRulesForm } from "@/features/revolving-funds/ui/fund-forms";
import { FundLedgerSummary } from "@/features/revolving-funds/ui/fund-ledger";
import { LoanCards } from "@/features/revolving-funds/ui/loan-cards";
import { RoundsTable } from "@/features/revolving-funds/ui/rounds-table";
import { LinkButton } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { FormNotice } from "@/components/ui/form-alert";
import { PageHeader } from "@/components/ui/page-header";
import { ImportPanel } from "@/components/spreadsheet/import-panel";
import { Cell, HeaderCell, Row, RowHeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import { requireTenantPage } from "@/lib/auth/guard";
import { withTenant } from "@/lib/db";
import { formatDateShort, formatNumber, formatRupiah } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { dateToDay } from "@/lib/calendar/days";
import { daysPastDue } from "@/features/revolving-funds/arrears";
import { fundLedger } from "@/features/revolving-funds/ledger";
import { fundPageContext } from "@/features/revolving-funds/page-context";
import { fundAgeing, fundLoanPage, fundRounds, fundWithCapital, parseLoanFilter } from "@/features/revolving-funds/queries";
import { KeyPagination } from "@/components/ui/key-pagination";
import { KeptFilters, keptQuery, type KeptFilter } from "@/components/ui/kept-filters";
import { keyCursorOf, keyCursorQuery } from "@/lib/paging/key-page";
import { addCapitalAction, createFundAction, importRepaymentsAction, updateFundAction } from "@/features/revolving-funds/actions";
import { revolvingFundsRoutes } from "@/features/revolving-funds/routes";
import { firstParam, readSearchParams } from "@/lib/validation/search-params";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("RevolvingFunds");
  return { title: t("title") };
}

export default async function RevolvingFundPage({ params, searchParams }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "revolvingFunds");
  const query = readSearchParams(await searchParams);
  const loanFilter = parseLoanFilter(firstParam(query.pinjaman));
  const cursor = keyCursorOf(query);
  const data = await withTenant(user.tenantId, async (tx) => {
    const context = await fundPageContext(tx, user, query);
    if (!context.fund) return { context, detail: null };
    const [fund, ledger, loans, ageing, rounds] = await Promise.all([
      fundWithCapital(tx, context.fund.id),
      fundLedger(tx, context.fund.id),
      fundLoanPage(tx, context.fund.id, { filter: loanFilter, today: context.today, cursor }),
      fundAgeing(tx, context.fund.id, context.today),
      fundRounds(tx, context.fund.id),
    ]);
    return { context, detail: { fund, ledger, loans, ageing, rounds } };
  });
  const [t, locale, messages] = await Promise.all([getTranslations("RevolvingFunds"), getLocale() as Promise<AppLocale>, getMessages()]);
  const { context, detail } = data;
  const today = dateToDay(context.today);
  // The home task's narrowing ("loans in arrears") stays when the year changes, until removed.
  const kept: KeptFilter[] = loanFilter
    ? [
        {
          name: "pinjaman",
          value: loanFilter,
          label: t(`loanFilters.chip.${loanFilter}`),
          removeHref: revolvingFundsRoutes.list(slug, { tahun: context.year }),
        },
      ]
    : [];

  return (
    <NextIntlClientProvider messages={{ RevolvingFunds: messages.RevolvingFunds, Spreadsheet: messages.Spreadsheet }}>
      <PageHeader
        eyebrow={detail ? t("eyebrow", { kelurahan: detail.fund.kelurahanLabel }) : t("eyebrowPlain")}
        title={t("titleYear", { year: context.year })}
        description={t("description")}
        actions={detail ? <LinkButton href={revolvingFundsRoutes.newLoan(slug, { tahun: context.year })}>{t("proposeLoan")}</LinkButton> : undefined}
      />
      {!user.kelurahanId ? (
        <FormNotice>{t("noKelurahan")}</FormNotice>
      ) : (
        <div className="space-y-6">
          {context.funds.length > 0 ? (
            <nav aria-label={t("years")} className="flex flex-wrap gap-2">
              {context.years.map((year) => (
                <Link
                  key={year}
                  href={revolvingFundsRoutes.list(slug, { tahun: year, ...keptQuery(kept) })}
                  aria-current={year === context.year ? "page" : undefined}
                  className="rounded-md border border-line px-3 py-1.5 text-sm aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
                >
                  {year}
                </Link>
              ))}
            </nav>
          ) : null}

          {!detail ? (
            <Card>
              <CardHeader title={t("createTitle", { year: context.year })} description={t("createIntro")} />
              <div className="p-4 sm:p-5">
                <FundRulesForm action={createFundAction.bind(null, slug)} year={context.year} />
              </div>
            </Card>
          ) : (
            <>
              <FundLedgerSummary ledger={detail.ledger} locale={locale} />

              <section aria-labelledby="fund-loans">
                <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
                  <h2 id="fund-loans" className="text-lg font-semibold text-ink">
                    {t("loansTitle", { count: formatNumber(detail.loans.total, { locale }) })}
                  </h2>
                </div>
                {detail.loans.cursorLost ? <FormNotice>{t("loansCursorLost")}</FormNotice> : null}
                {loanFilter ? (
                  <div className="mb-2 space-y-2">
                    <KeptFilters filters={kept} inForm={false} />
                    <p className="text-sm text-muted">{t(`loanFilters.${loanFilter}`)}</p>
                  </div>
                ) : null}
                {detail.loans.rows.length === 0 ? (
                  <p className="rounded-lg border border-line bg-white p-5 text-muted">{t("noLoans")}</p>
                ) : (
                  <LoanCards
                    tenantSlug={slug}
                    locale={locale}
                    loans={detail.loans.rows.map((loan) => ({
                      ...loan,
                      daysPastDue: loan.status === "DISBURSED" ? daysPastDue(loan.nextDueDate, context.today) : 0,
                    }))}
                  />
                )}
                <KeyPagination
                  label={t("loansPagination")}
                  href={(at) => revolvingFundsRoutes.list(slug, { tahun: context.year, pinjaman: loanFilter, ...keyCursorQuery(at) })}
                  page={detail.loans}
                  paged={Boolean((cursor.after || cursor.before) && !detail.loans.cursorLost)}
                  className="mt-3 flex flex-wrap items-center justify-between gap-3"
                />
              </section>

              <Card>
                <CardHeader id="fund-import" title={t("importTitle")} description={t("importIntro")} />
                <div className="p-4 sm:p-5">
                  <ImportPanel
                    action={importRepaymentsAction.bind(null, slug)}
                    templateHref={revolvingFundsRoutes.template(slug)}
                    idPrefix="repayment-import"
                    downloadBase="pembayaran-dana-pem"
                  />
                </div>
              </Card>

              <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
                <Card>
                  <CardHeader id="fund-ageing" title={t("ageingTitle")} description={t("ageingIntro")} />
                  <AgeingTable rows={detail.ageing} locale={locale} label={t("ageingTitle")} />
                </Card>
                <Card>
                  <CardHeader id="fund-rounds" title={t("roundsTitle")} description={t("roundsIntro")} />
                  {detail.rounds.length === 0 ? (
                    <p className="p-4 text-muted">{t("noRounds")}</p>
                  ) : (
                    <RoundsTable rounds={detail.rounds} locale={locale} label={t("roundsTitle")} />
                  )}
                </Card>
              </div>

              <Card>
                <CardHeader id="fund-capital" title={t("capitalTitle")} description={t("capitalIntro", { lpm: detail.fund.lpmName ?? "—" })} />
                {detail.fund.capitals.length > 0 ? (
                  <Table label={t("capitalTitle")}>
                    <TableHead>
                      <tr>
                        <HeaderCell>{t("capitalColumns.receivedAt")}</HeaderCell>
                        <HeaderCell>{t("capitalColumns.source")}</HeaderCell>
                        <HeaderCell>{t("capitalColumns.note")}</HeaderCell>
                        <HeaderCell numeric>{t("capitalColumns.amount")}</HeaderCell>
                      </tr>
                    </TableHead>
                    <TableBody>
                      {detail.fund.capitals.map((capital) => (
                        <Row key={capital.id}>
                          <RowHeaderCell>{formatDateShort(capital.receivedAt, { locale })}</RowHeaderCell>
                          <Cell>{t(`sources.${capital.source}`)}</Cell>
                          <Cell>{capital.note ?? "—"}</Cell>
                          <Cell numeric>{formatRupiah(capital.amount, { locale })}</Cell>
                        </Row>
                      ))}
                    </TableBody>
                  </Table>
                ) : null}
                <div className="border-t border-line p-4 sm:p-5">
                  <h3 className="mb-3 font-medium text-ink">{t("capitalAdd")}</h3>
                  <CapitalForm action={addCapitalAction.bind(null, slug)} fundId={detail.fund.id} today={today} />
                </div>
              </Card>

              <Card>
                <CardHeader id="fund-rules" title={t("rulesTitle")} description={t("rulesIntro")} />
                <div className="p-4 sm:p-5">
                  <FundRulesForm
                    action={updateFundAction.bind(null, slug)}
                    fundId={detail.fund.id}
                    rules={{
                      lpmName: detail.fund.lpmName ?? "",
                      maxLoan: formatRupiah(detail.fund.maxLoan),
                      maxTenorMonths: detail.fund.maxTenorMonths,
                      serviceFeePercent: (detail.fund.serviceFeeBps / 100).toString().replace(".", ","),
                      graceMonths: detail.fund.graceMonths,
                      version: detail.fund.version,
                    }}
                  />
                </div>
              </Card>
              <p className="text-sm">
                <Link href={revolvingFundsRoutes.list(slug, { tahun: context.year + 1 })} className="text-brand-800 underline">
                  {t("nextYear", { year: context.year + 1 })}
                </Link>
              </p>
            </>
          )}
        </div>
      )}
    </NextIntlClientProvider>
  );
}
