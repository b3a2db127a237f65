import { useTranslations } from "next-intl";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import { formatRupiah, formatRupiahShort } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { reconciles, type FundLedger } from "@/features/revolving-funds/ledger";

/** The fund's position, and the identity it must always satisfy. */
export function FundLedgerSummary({ ledger, locale }: { ledger: FundLedger; locale: AppLocale }) {
  const t = useTranslations("RevolvingFunds.ledger");
  const rp = (amount: bigint) => formatRupiah(amount, { locale });
  // Cards are narrow: short figures there, the exact ones in the reconciliation line.
  const short = (amount: bigint) => formatRupiahShort(amount, { locale });
  const balanced = reconciles(ledger);
  return (
    <section aria-labelledby="fund-ledger" className="space-y-3">
      <h2 id="fund-ledger" className="sr-only">
        {t("title")}
      </h2>
      <StatGrid label={t("title")}>
        <StatCard label={t("capital")} value={short(ledger.capital)} />
        <StatCard
          label={t("lendable")}
          value={short(ledger.lendable)}
          hint={ledger.committed > 0n ? t("committed", { amount: rp(ledger.committed) }) : t("cashHint")}
          tone="highlight"
        />
        <StatCard label={t("outstanding")} value={short(ledger.outstanding)} hint={t("disbursed", { amount: rp(ledger.disbursed) })} />
        <StatCard label={t("fees")} value={short(ledger.feesCollected)} hint={t("feesHint")} />
      </StatGrid>
      <p className={balanced ? "text-sm text-muted" : "text-sm font-semibold text-red-800"} role={balanced ? undefined : "alert"}>
        {t(balanced ? "reconciled" : "unbalanced", {
          capital: rp(ledger.capital),
          cash: rp(ledger.cash),
          outstanding: rp(ledger.outstanding),
          writtenOff: rp(ledger.writtenOff),
        })}
      </p>
    </section>
  );
}
