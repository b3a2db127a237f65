import Link from "next/link";
import { useTranslations } from "next-intl";
import { formatDateShort, formatRupiah } from "@/lib/format";
import type { LoanStatus } from "@/lib/generated/prisma/enums";
import type { AppLocale } from "@/lib/i18n/locales";
import { maskNik } from "@/lib/identity/nik";
import { ArrearsBadge, LoanStatusBadge } from "./loan-status-badge";
import { revolvingFundsRoutes } from "@/features/revolving-funds/routes";

export type LoanCardData = {
  id: string;
  round: number;
  borrowerName: string;
  borrowerNik: string;
  isYouth: boolean;
  businessType: string;
  principal: bigint;
  principalRepaid: bigint;
  tenorMonths: number;
  status: LoanStatus;
  disbursedAt: Date | null;
  daysPastDue: number;
};

/** The fund's loans as cards: who, what business, how much is left, how late. */
export function LoanCards({ loans, tenantSlug, locale }: { loans: LoanCardData[]; tenantSlug: string; locale: AppLocale }) {
  const t = useTranslations("RevolvingFunds.loanCard");
  return (
    <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {loans.map((loan) => (
        <li key={loan.id} className="rounded-lg border border-line bg-white p-4 shadow-xs">
          <div className="flex items-start justify-between gap-2">
            <h3 className="min-w-0 font-semibold text-ink">
              <Link href={revolvingFundsRoutes.loan(tenantSlug, loan.id)} className="underline-offset-2 hover:underline">
                {loan.borrowerName}
              </Link>
            </h3>
            <LoanStatusBadge status={loan.status} />
          </div>
          <p className="text-sm text-muted">
            {maskNik(loan.borrowerNik)} · {t("round", { round: loan.round })}
            {loan.isYouth ? ` · ${t("youth")}` : ""}
          </p>
          <p className="mt-1 text-sm text-ink">{loan.businessType}</p>
          <dl className="mt-2 grid grid-cols-2 gap-x-3 text-sm">
            <dt className="text-muted">{t("principal")}</dt>
            <dd className="text-right tabular-nums">{formatRupiah(loan.principal, { locale })}</dd>
            <dt className="text-muted">{t("outstanding")}</dt>
            <dd className="text-right tabular-nums">{formatRupiah(loan.status === "DISBURSED" ? loan.principal - loan.principalRepaid : 0n, { locale })}</dd>
            <dt className="text-muted">{t("disbursedAt")}</dt>
            <dd className="text-right">{loan.disbursedAt ? formatDateShort(loan.disbursedAt, { locale }) : "—"}</dd>
          </dl>
          {loan.status === "DISBURSED" ? (
            <p className="mt-2">
              <ArrearsBadge days={loan.daysPastDue} />
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
