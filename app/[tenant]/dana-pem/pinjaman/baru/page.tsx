import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { LoanForm } from "@/features/revolving-funds/ui/loan-forms";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenantPage } from "@/lib/auth/guard";
import { withTenant } from "@/lib/db";
import { formatDateShort, formatRupiah } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { birthFor, maskNumber, personView } from "@/lib/privacy/person-view";
import { cityToday } from "@/lib/calendar/city-today";
import { NO_NUMBER_PATTERN } from "@/features/registry/search/schema";
import { fundLedger } from "@/features/revolving-funds/ledger";
import { fundPageContext } from "@/features/revolving-funds/page-context";
import { memberCandidates, fundWithCapital } from "@/features/revolving-funds/queries";
import { firstParam, readSearchParams } from "@/lib/validation/search-params";
import { createLoanAction } from "@/features/revolving-funds/actions";
import { revolvingFundsRoutes } from "@/features/revolving-funds/routes";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("RevolvingFunds.newLoan");
  return { title: t("title") };
}

export default async function NewLoanPage({ params, searchParams }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "revolvingFunds");
  const query = readSearchParams(await searchParams, ["cari"]);
  const search = (firstParam(query.cari) ?? "").slice(0, 60);
  const chosenId = firstParam(query.anggota);
  const data = await withTenant(user.tenantId, async (tx) => {
    const context = await fundPageContext(tx, user, query);
    // Without a year in the address, this year's fund, or else the newest one: a loan needs a fund.
    const chosenFund = context.fund ?? (firstParam(query.tahun) ? null : (context.funds[0] ?? null));
    if (!chosenFund) return null;
    const [fund, ledger, candidates, today, city] = await Promise.all([
      fundWithCapital(tx, chosenFund.id),
      fundLedger(tx, chosenFund.id),
      memberCandidates(tx, user, search),
      cityToday(tx, user.tenantId),
      tx.tenant.findUniqueOrThrow({ where: { id: user.tenantId }, select: { minBorrowerAge: true } }),
    ]);
    const chosen = chosenId
      ? await tx.member.findFirst({
          where: { id: chosenId, household: { kelurahanId: fund.kelurahanId } },
          select: { id: true, name: true, nik: true, household: { select: { noKk: true } } },
        })
      : null;
    return { fund, ledger, candidates, chosen, today, minBorrowerAge: city.minBorrowerAge };
  });
  if (!data) notFound();
  const [t, locale, messages] = await Promise.all([getTranslations("RevolvingFunds.newLoan"), getLocale() as Promise<AppLocale>, getMessages()]);
  const { fund, ledger, candidates, chosen, today, minBorrowerAge } = data;
  const view = personView(user);
  const born = (birthDate: Date) => {
    const birth = birthFor(view, birthDate, today);
    return birth.date ? t("born", { date: formatDateShort(birth.date, { locale }) }) : t("age", { age: birth.age });
  };
  const here = revolvingFundsRoutes.newLoan(slug);

  return (
    <NextIntlClientProvider messages={{ RevolvingFunds: messages.RevolvingFunds }}>
      <PageHeader
        eyebrow={t("eyebrow", { kelurahan: fund.kelurahanLabel, year: fund.year })}
        title={t("title")}
        description={t("description", {
          max: formatRupiah(fund.maxLoan, { locale }),
          lendable: formatRupiah(ledger.lendable, { locale }),
          tenor: fund.maxTenorMonths,
        })}
      />
      <div className="space-y-6">
        <Card>
          <CardHeader id="member-search" title={t("searchTitle")} description={t("searchIntro")} />
          <form method="get" action={here} className="flex flex-wrap items-end gap-3 p-4 sm:p-5" role="search" aria-labelledby="member-search">
            <input type="hidden" name="tahun" value={fund.year} />
            <Field
              id="member-q"
              name="cari"
              label={t("searchLabel")}
              defaultValue={search}
              pattern={NO_NUMBER_PATTERN}
              title={t("searchNoNumber")}
              className="min-w-64 flex-1"
            />
            <Button type="submit" variant="secondary">
              {t("searchSubmit")}
            </Button>
          </form>
          {search.length >= 3 ? (
            candidates.length === 0 ? (
              <p className="px-4 pb-4 text-muted sm:px-5">{t("noMatch")}</p>
            ) : (
              <ul className="divide-y divide-line border-t border-line">
                {candidates.map((member) => (
                  <li key={member.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2 sm:px-5">
                    <span>
                      <span className="font-medium text-ink">{member.name}</span>{" "}
                      <span className="text-sm text-muted">
                        {maskNumber(member.nik)} · {born(member.birthDate)} · {member.household.address}
                      </span>
                    </span>
                    <Link
                      href={revolvingFundsRoutes.newLoan(slug, { tahun: fund.year, anggota: member.id })}
                      className="text-sm font-medium text-brand-800 underline"
                      aria-label={t("chooseNamed", { name: member.name })}
                    >
                      {t("choose")}
                    </Link>
                  </li>
                ))}
              </ul>
            )
          ) : null}
        </Card>

        <Card>
          <CardHeader
            id="loan-form"
            title={t("formTitle")}
            description={chosen ? t("minAge", { min: minBorrowerAge }) : `${t("formIntroOutsider")} ${t("minAge", { min: minBorrowerAge })}`}
          />
          <div className="p-4 sm:p-5">
            <LoanForm
              action={createLoanAction.bind(null, slug)}
              fundId={fund.id}
              tenantSlug={slug}
              maxTenorMonths={fund.maxTenorMonths}
              member={chosen ? { id: chosen.id, name: chosen.name, maskedNik: maskNumber(chosen.nik), household: maskNumber(chosen.household.noKk) } : null}
            />
            {chosen ? (
              <p className="mt-3 text-sm">
                <Link href={revolvingFundsRoutes.newLoan(slug, { tahun: fund.year })} className="text-brand-800 underline">
                  {t("outsiderInstead")}
                </Link>
              </p>
            ) : null}
          </div>
        </Card>
        <p>
          <Link href={revolvingFundsRoutes.list(slug, { tahun: fund.year })} className="text-sm text-brand-800 underline">
            {t("back")}
          </Link>
        </p>
      </div>
    </NextIntlClientProvider>
  );
}
