import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PrintDocument } from "@/components/ui/print-document";
import { requireTenantPage } from "@/lib/auth/guard";
import { withTenant } from "@/lib/db";
import { loanAgreement } from "@/features/revolving-funds/agreement";
import { recordLoanPrint } from "@/features/revolving-funds/print-disclosure";
import { revolvingFundsRoutes } from "@/features/revolving-funds/routes";
import { LoanAgreement } from "@/features/revolving-funds/ui/loan-agreement";

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
  const agreement = await withTenant(user.tenantId, async (tx) => {
    const found = await loanAgreement(tx, user, loanId);
    if (found) await recordLoanPrint(tx, user, found.loan, "perjanjian-pinjaman", requestHeaders);
    return found;
  });
  if (!agreement) notFound();
  const t = await getTranslations({ locale: "id", namespace: "RevolvingFunds.agreement" });
  return (
    <PrintDocument
      printLabel={t("print")}
      back={
        <Link href={revolvingFundsRoutes.loan(slug, agreement.loan.id)} className="text-sm text-brand-800 underline">
          {t("back")}
        </Link>
      }
    >
      <LoanAgreement agreement={agreement} locale="id" />
    </PrintDocument>
  );
}
