import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { AbsorptionSummary } from "@/features/budget/ui/absorption-summary";
import { EntriesTable } from "@/features/budget/ui/entries-table";
import { aidRoutes } from "@/features/aid/routes";
import { aidFilterQuery } from "@/features/aid/filters";
import { LineAidList } from "@/features/budget/ui/line-aid";
import { MonthTable } from "@/features/budget/ui/month-table";
import { RealisationForm } from "@/features/budget/ui/realisation-form";
import { ReversalForm } from "@/features/budget/ui/reversal-form";
import { EntryHistory } from "@/components/entries/entry-history";
import { ReturnForm } from "@/components/entries/return-form";
import { ReturnedNote } from "@/components/entries/returned-note";
import { entryHistory } from "@/lib/entries/history";
import { LinkButton } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenantPage } from "@/lib/auth/guard";
import { userCan } from "@/lib/auth/permissions";
import { absorptionOf } from "@/features/budget/absorption";
import { currentYearMonth, MONTHS, monthName } from "@/lib/calendar/months";
import { lastRecordableMonth } from "@/lib/calendar/fiscal-year";
import { getBudgetLine, lineAid, lineEntries, monthlyBreakdown } from "@/features/budget/queries";
import { editProblem, reversalProblem } from "@/lib/entries/rules";
import { lineTotals } from "@/features/budget/totals";
import { withTenant } from "@/lib/db";
import { formatNumber, formatRupiah } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { programmeScope } from "@/lib/auth/scope";
import {
  createRealisationAction,
  deleteRealisationAction,
  returnRealisationAction,
  reverseRealisationAction,
  updateRealisationAction,
  verifyRealisationsAction,
} from "@/features/budget/actions";
import { firstParam as first, readSearchParams } from "@/lib/validation/search-params";
import { tenantTimeZone } from "@/lib/tenant/time-zone";
import { budgetRoutes } from "@/features/budget/routes";
import { programmesRoutes } from "@/features/programmes/routes";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ tenant: string; budgetLineId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Budget");
  return { title: t("title") };
}

export default async function BudgetLinePage({ params, searchParams }: Props) {
  const { tenant: slug, budgetLineId } = await params;
  const user = await requireTenantPage(slug, "budget");
  const query = readSearchParams(await searchParams);
  const data = await withTenant(user.tenantId, async (tx) => {
    // Scoped: another OPD's line is "not found" for OPD roles.
    const line = await getBudgetLine(tx, programmeScope(user), budgetLineId);
    if (!line) return null;
    const [totals, months, entries, aid, timeZone] = await Promise.all([
      lineTotals(tx, { tenantId: user.tenantId, budgetLineId: line.id }),
      monthlyBreakdown(tx, line.id),
      lineEntries(tx, line.id),
      lineAid(tx, line.id),
      tenantTimeZone(tx, user.tenantId),
    ]);
    // The history of the entry being fixed or returned, so the head's note is seen beside it.
    const shown = first(query.ubah) ?? first(query.kembalikan);
    const history = shown && entries.some((entry) => entry.id === shown) ? await entryHistory(tx, "BudgetRealisation", shown) : [];
    return { line, totals: totals[0], months, entries, aid, timeZone, history };
  });
  if (!data) notFound();
  const { line, months, entries, timeZone } = data;

  const [t, te, tp, locale, messages] = await Promise.all([
    getTranslations("Budget"),
    getTranslations("Entries"),
    getTranslations("Programmes"),
    getLocale() as Promise<AppLocale>,
    getMessages(),
  ]);
  const ownOpd = user.opdId === line.programme.opd.id;
  const canWrite = userCan(user, "entry:write") && ownOpd;
  const canVerify = userCan(user, "entry:verify") && ownOpd;
  const year = line.programme.fiscalYear;
  const today = currentYearMonth(timeZone);
  const absorption = absorptionOf(line.pagu, data.totals?.realised ?? 0n, year, today);
  const path = budgetRoutes.line(slug, line.id);
  const editing = canWrite ? entries.find((entry) => entry.id === first(query.ubah) && !editProblem(entry)) : undefined;
  const returning = canVerify ? entries.find((entry) => entry.id === first(query.kembalikan) && entry.status === "DRAFT") : undefined;
  const reversing = canWrite ? entries.find((entry) => entry.id === first(query.balik) && !reversalProblem(entry, entry.reversal !== null)) : undefined;
  const lastMonth = lastRecordableMonth(year, today);
  const monthChoices = MONTHS.filter((month) => month <= lastMonth).map((month) => ({ value: month, label: monthName(month, locale) }));
  const source = `${tp(`sources.${line.fundingSource}`)}${line.partnerName ? ` (${line.partnerName})` : ""}`;

  return (
    <NextIntlClientProvider messages={{ Budget: messages.Budget, Programmes: messages.Programmes, Entries: messages.Entries }}>
      <Link href={budgetRoutes.list(slug, { tahun: year })} className="mb-3 inline-block text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        {t("line.backToBudget")}
      </Link>
      <PageHeader
        eyebrow={t("line.eyebrow", { opd: line.programme.opd.shortName, year })}
        title={line.description}
        description={
          <>
            {t("line.programme")}:{" "}
            <Link href={programmesRoutes.detail(slug, line.programme.id)} className="font-medium text-brand-700 underline-offset-2 hover:underline">
              {line.programme.name}
            </Link>{" "}
            {line.programme.sipdCode ? <span className="font-mono text-sm">({line.programme.sipdCode})</span> : null} · {t("line.source")}: {source}
            {line.accountCode ? (
              <>
                {" "}
                · {tp("lineForm.accountCode")}: <span className="font-mono text-sm">{line.accountCode}</span>
              </>
            ) : null}{" "}
            · {tp(`aidModes.${line.aidMode}`)}
          </>
        }
        actions={
          canWrite && !editing && !reversing && !returning && monthChoices.length > 0 ? (
            <LinkButton href="#catat" variant="secondary">
              {t("entry.title")}
            </LinkButton>
          ) : undefined
        }
      />
      <AbsorptionSummary
        label={t("summary.label", { year })}
        absorption={absorption}
        fiscalYear={year}
        pendingCount={data.totals?.pendingCount ?? 0}
        pendingAmount={data.totals?.pendingAmount ?? 0n}
      />

      {canWrite ? (
        <Card className="mt-6">
          <div id="catat" className="scroll-mt-4" />
          {returning ? (
            <>
              <CardHeader title={te("return.title")} description={te("return.intro")} />
              <div className="p-4 sm:p-5">
                <p className="mb-3 text-sm text-ink">
                  {monthName(returning.month, locale)} · {formatRupiah(returning.amount, { locale })}
                  {returning.note ? ` — ${returning.note}` : ""}
                </p>
                <ReturnForm action={returnRealisationAction.bind(null, slug)} entryId={returning.id} idName="realisationId" doneHref={path} autoFocus />
                <EntryHistory events={data.history} timeZone={timeZone} />
              </div>
            </>
          ) : reversing ? (
            <>
              <CardHeader
                title={t("reverse.title")}
                description={t("reverse.intro", { amount: formatRupiah(-reversing.amount, { locale }), month: monthName(reversing.month, locale) })}
              />
              <div className="p-4 sm:p-5">
                <p className="mb-3 text-sm text-ink">
                  {t("reverse.original", {
                    amount: formatRupiah(reversing.amount, { locale }),
                    month: monthName(reversing.month, locale),
                    note: reversing.note ? ` — ${reversing.note}` : "",
                  })}
                </p>
                <ReversalForm action={reverseRealisationAction.bind(null, slug)} entryId={reversing.id} doneHref={path} />
              </div>
            </>
          ) : editing ? (
            <>
              <CardHeader title={t("entry.editTitle")} description={editing.returnNote ? te("fixHint") : t("entry.editIntro")} />
              <div className="p-4 sm:p-5">
                <div className="mb-3">
                  <ReturnedNote entry={editing} timeZone={timeZone} />
                </div>
                <RealisationForm
                  key={editing.id}
                  mode="edit"
                  action={updateRealisationAction.bind(null, slug)}
                  months={monthChoices}
                  entry={{
                    id: editing.id,
                    month: editing.month,
                    referenceNo: editing.referenceNo,
                    amount: formatNumber(editing.amount),
                    note: editing.note,
                    version: editing.version,
                  }}
                  doneHref={path}
                />
                <EntryHistory events={data.history} timeZone={timeZone} />
              </div>
            </>
          ) : (
            <>
              <CardHeader title={t("entry.title")} description={t("entry.intro")} />
              <div className="p-4 sm:p-5">
                {monthChoices.length === 0 ? (
                  <p className="text-muted">{t("entry.noMonths")}</p>
                ) : (
                  <RealisationForm
                    mode="create"
                    action={createRealisationAction.bind(null, slug)}
                    budgetLineId={line.id}
                    months={monthChoices}
                    defaultMonth={year === today.year ? Math.max(1, today.month - 1) : null}
                  />
                )}
              </div>
            </>
          )}
        </Card>
      ) : null}

      <Card className="mt-6">
        <CardHeader title={t("line.entries")} />
        {entries.length === 0 ? (
          <p className="p-4 text-muted sm:p-5">{t("line.noEntries")}</p>
        ) : (
          <EntriesTable
            entries={entries}
            path={path}
            timeZone={timeZone}
            canWrite={canWrite}
            canVerify={canVerify}
            deleteAction={deleteRealisationAction.bind(null, slug)}
            verifyAction={verifyRealisationsAction.bind(null, slug)}
          />
        )}
      </Card>
      <Card className="mt-6">
        <CardHeader title={t("aid.title")} />
        <LineAidList
          aid={data.aid}
          aidMode={line.aidMode}
          verified={data.totals?.aidVerified ?? 0n}
          pendingCount={data.totals?.aidPendingCount ?? 0}
          pendingAmount={data.totals?.aidPendingAmount ?? 0n}
          entryHref={(id) => aidRoutes.detail(slug, id)}
          allHref={aidRoutes.list(slug, aidFilterQuery({ tahun: year, program: line.programme.id }))}
        />
      </Card>
      <Card className="mt-6">
        <CardHeader title={t("line.months")} />
        <MonthTable rows={months} pagu={line.pagu} monthsElapsed={absorption.monthsElapsed} label={t("line.monthsLabel", { year })} />
      </Card>
    </NextIntlClientProvider>
  );
}
