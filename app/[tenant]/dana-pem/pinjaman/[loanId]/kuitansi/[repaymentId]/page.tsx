import { BlankNameLine } from "@/components/ui/blank-name-line";
import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PrintDocument } from "@/components/ui/print-document";
import { requireTenantPage } from "@/lib/auth/guard";
import { withTenant } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { formatDateLong, formatRupiah } from "@/lib/format";
import { recordLoanPrint } from "@/features/revolving-funds/print-disclosure";
import { loanDetail } from "@/features/revolving-funds/queries";
import { principalLeftAfter } from "@/features/revolving-funds/standing";
import { rupiahInWords } from "@/features/revolving-funds/terbilang";
import { revolvingFundsRoutes } from "@/features/revolving-funds/routes";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ tenant: string; loanId: string; repaymentId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: "id", namespace: "RevolvingFunds.receipt" });
  return { title: t("title") };
}

/** The receipt for one repayment, in Indonesian. */
export default async function ReceiptPage({ params }: Props) {
  const { tenant: slug, loanId, repaymentId } = await params;
  const user = await requireTenantPage(slug, "revolvingFunds");
  const requestHeaders = await headers();
  const detail = await withTenant(user.tenantId, async (tx) => {
    const found = await loanDetail(tx, user, loanId).catch((error) => (isAppError(error) && error.code === "NOT_FOUND" ? null : Promise.reject(error)));
    if (!found?.repayments.some((one) => one.id === repaymentId)) return null;
    await recordLoanPrint(tx, user, found.loan, "kuitansi-angsuran", requestHeaders);
    const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: user.tenantId }, select: { name: true } });
    return { ...found, cityName: tenant.name };
  });
  const repayment = detail?.repayments.find((one) => one.id === repaymentId);
  if (!detail || !repayment) notFound();
  const t = await getTranslations({ locale: "id", namespace: "RevolvingFunds.receipt" });
  const { loan, kelurahanLabel, cityName } = detail;
  const rp = (amount: bigint) => formatRupiah(amount, { locale: "id" });
  return (
    <PrintDocument
      printLabel={t("print")}
      back={
        <Link href={revolvingFundsRoutes.loan(slug, loan.id)} className="text-sm text-brand-800 underline">
          {t("back")}
        </Link>
      }
    >
      <header className="flex flex-wrap items-start justify-between gap-4 border-b border-ink pb-3">
        <div>
          <p className="text-sm uppercase tracking-wide">{t("issuer", { kelurahan: kelurahanLabel, city: cityName })}</p>
          <h1 className="text-xl font-bold uppercase">{t("heading")}</h1>
        </div>
        <p className="text-sm">{t("number", { number: repayment.receiptNo ?? repayment.id.slice(-8).toUpperCase() })}</p>
      </header>
      <dl className="mt-4 grid grid-cols-[minmax(0,12rem)_1fr] gap-x-4 gap-y-2">
        <dt>{t("from")}</dt>
        <dd className="font-semibold">{loan.borrowerName}</dd>
        <dt>{t("amount")}</dt>
        <dd className="font-semibold">{rp(repayment.amount)}</dd>
        <dt>{t("words")}</dt>
        <dd className="italic">{rupiahInWords(repayment.amount)}</dd>
        <dt>{t("for")}</dt>
        <dd>{t("forValue", { business: loan.businessType, id: loan.id.slice(-8).toUpperCase() })}</dd>
        <dt>{t("split")}</dt>
        <dd>{t("splitValue", { principal: rp(repayment.principalPart), fee: rp(repayment.feePart) })}</dd>
        <dt>{t("remaining")}</dt>
        <dd>{rp(principalLeftAfter(loan, detail.repayments, repayment))}</dd>
      </dl>
      <div className="mt-10 grid grid-cols-2 gap-8 text-center">
        <div>
          <p>{t("payer")}</p>
          <p className="mt-16 font-semibold underline">{loan.borrowerName}</p>
        </div>
        <div>
          <p>{t("place", { kelurahan: kelurahanLabel, date: formatDateLong(repayment.paidAt, { locale: "id" }) })}</p>
          <p>{t("receiver")}</p>
          <BlankNameLine className="mt-12" />
        </div>
      </div>
    </PrintDocument>
  );
}
