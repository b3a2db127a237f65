import { getLocale, getTranslations } from "next-intl/server";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import type { Coverage, TargetProgress, Targeting } from "@/features/dashboards/poverty/queries";
import { percentOf } from "@/features/dashboards/poverty/tables";
import { formatNumber, formatPercent } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";

/** The headline figures: extreme-poor households, coverage, unreached, targeting, target. */
export async function PovertySummary({
  coverage,
  targeting,
  progress,
  households,
}: {
  coverage: Coverage;
  targeting: Targeting;
  progress: TargetProgress;
  households: number;
}) {
  const [t, locale] = await Promise.all([getTranslations("PovertyDashboard.summary"), getLocale() as Promise<AppLocale>]);
  const n = (value: number) => formatNumber(value, { locale });
  const pct = (value: number | null) => formatPercent(value, { locale, minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const accuracy = percentOf(targeting.beneficiaries - targeting.outside, targeting.beneficiaries);
  const exclusion = percentOf(targeting.eligibleUnreached, targeting.eligible);
  const target = progress.target;
  return (
    <StatGrid label={t("label")}>
      <StatCard label={t("extremePoor")} value={n(coverage.extremePoor)} hint={t("extremePoorHint", { households: n(households) })} />
      <StatCard
        label={t("coverage")}
        value={pct(percentOf(coverage.reached, coverage.extremePoor))}
        hint={t("coverageHint", { reached: n(coverage.reached) })}
        tone="highlight"
      />
      <StatCard label={t("unreached")} value={n(coverage.unreached)} hint={t("unreachedHint")} tone="highlight" />
      <StatCard label={t("accuracy")} value={pct(accuracy)} hint={t("accuracyHint")} />
      <StatCard label={t("exclusion")} value={pct(exclusion)} hint={t("exclusionHint", { count: n(targeting.eligibleUnreached) })} />
      {target ? (
        <StatCard
          label={t("target", { year: target.year })}
          value={n(progress.current)}
          hint={t("targetHint", { target: n(target.value), gap: n(Math.max(0, progress.current - target.value)) })}
        />
      ) : (
        <StatCard label={t("noTarget")} value="–" hint={t("noTargetHint")} />
      )}
    </StatGrid>
  );
}
