import { getLocale, getTranslations } from "next-intl/server";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import { formatNumber } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import type { TrainingFigures } from "@/features/trainings/queries";

/** Verified trainings and trainees; what awaits the OPD head is said beside them. */
export async function TrainingFiguresGrid({ figures, label }: { figures: TrainingFigures; label: string }) {
  const [t, locale] = await Promise.all([getTranslations("Trainings.figures"), getLocale() as Promise<AppLocale>]);
  const n = (value: number) => formatNumber(value, { locale });
  return (
    <StatGrid label={label}>
      <StatCard label={t("trainings")} value={n(figures.trainings)} hint={t("pendingTrainings", { count: figures.pendingTrainings })} />
      <StatCard label={t("participants")} value={n(figures.participants)} hint={t("pendingParticipants", { count: figures.pendingParticipants })} />
      <StatCard label={t("completed")} value={n(figures.completed)} />
      <StatCard label={t("certificates")} value={n(figures.certificates)} />
    </StatGrid>
  );
}
