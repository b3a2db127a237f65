import { getLocale, getTranslations } from "next-intl/server";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import { formatNumber } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import type { OutcomeSummary } from "@/features/trainings/queries";
import { TRAINING_OUTCOMES } from "@/features/trainings/schemas";

/** What the training's verified graduates went on to, by their latest follow-up. */
export async function OutcomeSummaryGrid({ summary }: { summary: OutcomeSummary }) {
  const [t, locale] = await Promise.all([getTranslations("Trainings"), getLocale() as Promise<AppLocale>]);
  const n = (value: number) => formatNumber(value, { locale });
  return (
    <StatGrid label={t("outcomeSummary.label")}>
      <StatCard
        label={t("outcomeSummary.graduates")}
        value={n(summary.graduates)}
        hint={t("outcomeSummary.awaiting", { count: n(summary.awaiting) })}
        tone="highlight"
      />
      {TRAINING_OUTCOMES.map((outcome) => (
        <StatCard key={outcome} label={t(`outcomes.${outcome}`)} value={n(summary[outcome])} />
      ))}
    </StatGrid>
  );
}
