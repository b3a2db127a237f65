import { getLocale, getTranslations } from "next-intl/server";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import type { Absorption } from "@/features/budget/absorption";
import { formatNumber, formatPercent, formatRupiah, formatRupiahShort } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { AbsorptionBar } from "./absorption-bar";

/** "20,83 poin di bawah target waktu": the gap between absorption and the calendar, in words. */
export async function gapStatement(gap: number | null): Promise<string> {
  const [t, locale] = await Promise.all([getTranslations("Budget.gap"), getLocale() as Promise<AppLocale>]);
  if (gap === null) return t("none");
  if (gap === 0) return t("even");
  const points = formatNumber(Math.abs(gap), { locale, maximumFractionDigits: 2 });
  return gap > 0 ? t("ahead", { points }) : t("behind", { points });
}

/** Pagu, verified spending, absorption against pagu and calendar, and what awaits verification. */
export async function AbsorptionSummary({
  label,
  absorption,
  fiscalYear,
  pendingCount,
  pendingAmount,
}: {
  label: string;
  absorption: Absorption;
  fiscalYear: number;
  pendingCount: number;
  pendingAmount: bigint;
}) {
  const [t, locale] = await Promise.all([getTranslations("Budget.summary"), getLocale() as Promise<AppLocale>]);
  const gap = await gapStatement(absorption.gap);
  return (
    <div>
      <StatGrid label={label}>
        <StatCard label={t("pagu")} value={formatRupiahShort(absorption.pagu, { locale })} hint={formatRupiah(absorption.pagu, { locale })} />
        <StatCard label={t("realised")} value={formatRupiahShort(absorption.realised, { locale })} hint={formatRupiah(absorption.realised, { locale })} />
        <StatCard
          label={t("absorption")}
          value={formatPercent(absorption.absorption, { locale })}
          hint={
            <>
              <AbsorptionBar absorption={absorption.absorption} expected={absorption.pagu > 0n ? absorption.expected : null} className="mt-1.5 mb-1.5" />
              {gap}
            </>
          }
          tone={absorption.gap !== null && absorption.gap < 0 ? "highlight" : "neutral"}
        />
        <StatCard
          label={t("pending")}
          value={formatNumber(pendingCount, { locale })}
          hint={pendingCount > 0 ? t("pendingHint", { amount: `${pendingAmount > 0n ? "+" : ""}${formatRupiah(pendingAmount, { locale })}` }) : undefined}
        />
      </StatGrid>
      <p className="mt-2 text-sm text-muted">
        {t("calendarNote", { expected: formatPercent(absorption.expected, { locale }), months: absorption.monthsElapsed, year: fiscalYear })}
      </p>
    </div>
  );
}
