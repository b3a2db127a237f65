import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PrintDocument } from "@/components/ui/print-document";
import { requireTenantPage } from "@/lib/auth/guard";
import { withTenant } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { formatDate, formatRupiah } from "@/lib/format";
import { recordLoanPrint } from "@/features/revolving-funds/print-disclosure";
import { loanDetail } from "@/features/revolving-funds/queries";
import { rupiahInWords } from "@/features/revolving-funds/terbilang";
import { revolvingFundsRoutes } from "@/features/revolving-funds/routes";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ tenant: string; loanId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: "id", namespace: "RevolvingFunds.agreement" });
  return { title: t("title") };
}

/** The loan agreement, always in Indonesian: it is the paper both sides sign. */
export default async function AgreementPage({ params }: Props) {
  const { tenant: slug, loanId } = await params;
  const user = await requireTenantPage(slug, "revolvingFunds");
  const requestHeaders = await headers();
  const detail = await withTenant(user.tenantId, async (tx) => {
    const found = await loanDetail(tx, user, loanId).catch((error) => (isAppError(error) && error.code === "NOT_FOUND" ? null : Promise.reject(error)));
    if (!found || found.loan.status === "PROPOSED" || found.loan.status === "REJECTED") return null;
    await recordLoanPrint(tx, user, found.loan, "perjanjian-pinjaman", requestHeaders);
    const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: user.tenantId }, select: { name: true } });
    return { ...found, cityName: tenant.name };
  });
  if (!detail) notFound();
  const t = await getTranslations({ locale: "id", namespace: "RevolvingFunds.agreement" });
  const { loan, installments, kelurahanLabel, cityName } = detail;
  const rp = (amount: bigint) => formatRupiah(amount, { locale: "id" });
  const first = installments[0];
  const last = installments.at(-1);
  return (
    <PrintDocument
      printLabel={t("print")}
      back={
        <Link href={revolvingFundsRoutes.loan(slug, loan.id)} className="text-sm text-brand-800 underline">
          {t("back")}
        </Link>
      }
    >
      <header className="text-center">
        <p className="text-sm uppercase tracking-wide">{t("issuer", { kelurahan: kelurahanLabel, city: cityName })}</p>
        <h1 className="mt-2 text-xl font-bold uppercase">{t("heading")}</h1>
        <p className="text-sm">{t("number", { id: loan.id.slice(-8).toUpperCase(), year: loan.fund.year })}</p>
      </header>
      <p className="mt-6">{t("opening", { date: formatDate(loan.approvedAt ?? loan.createdAt, { locale: "id" }) })}</p>
      <ol className="mt-3 list-decimal space-y-2 pl-6">
        <li>{t("partyOne", { lpm: loan.fund.lpmName ?? `LPM Kelurahan ${kelurahanLabel}`, kelurahan: kelurahanLabel })}</li>
        <li>{t("partyTwo", { name: loan.borrowerName, nik: loan.borrowerNik, business: loan.businessType })}</li>
      </ol>
      <p className="mt-4">{t("agree")}</p>
      <ol className="mt-3 list-decimal space-y-2 pl-6">
        <li>{t("clausePrincipal", { amount: rp(loan.principal), words: rupiahInWords(loan.principal), purpose: loan.purpose })}</li>
        <li>{t("clauseFee", { fee: rp(loan.serviceFee), words: rupiahInWords(loan.serviceFee) })}</li>
        <li>
          {first && last
            ? t("clauseSchedule", {
                tenor: loan.tenorMonths,
                instalment: rp(first.principalDue + first.feeDue),
                first: formatDate(first.dueDate, { locale: "id" }),
                last: formatDate(last.dueDate, { locale: "id" }),
              })
            : t("clauseScheduleLater", { tenor: loan.tenorMonths, grace: loan.graceMonths })}
        </li>
        <li>{t("clauseAllocation")}</li>
        <li>{t("clauseArrears")}</li>
        <li>{t("clauseRevolving")}</li>
      </ol>
      <p className="mt-4">{t("closing")}</p>
      <div className="mt-10 grid grid-cols-2 gap-8 text-center">
        <div>
          <p>{t("signTwo")}</p>
          <p className="mt-20 font-semibold underline">{loan.borrowerName}</p>
        </div>
        <div>
          <p>{t("signOne")}</p>
          <p className="mt-20 font-semibold underline">{loan.approvedByName ?? "…………………………"}</p>
        </div>
      </div>
    </PrintDocument>
  );
}
