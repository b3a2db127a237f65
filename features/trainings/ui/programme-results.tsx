import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardHeader } from "@/components/ui/card";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import { formatNumber, formatRupiahShort } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import type { ProgrammeResults } from "@/features/trainings/programme-results";

/** A programme's verified results, with what still awaits the OPD head beside each. */
export async function ProgrammeResultsCard({ results, trainingsHref }: { results: ProgrammeResults; trainingsHref: string }) {
  const [t, locale] = await Promise.all([getTranslations("Trainings.results"), getLocale() as Promise<AppLocale>]);
  const n = (value: number) => formatNumber(value, { locale });
  const { training, aid } = results;
  const pending = training.pendingTrainings + training.pendingParticipants + aid.pending;
  return (
    <Card className="mt-6">
      <CardHeader id="programme-results" title={t("title")} description={pending > 0 ? t("pending", { count: pending }) : t("nonePending")} />
      <div className="space-y-3 p-4 sm:p-5">
        <StatGrid label={t("trainingLabel")}>
          <StatCard
            label={t("participants")}
            value={n(training.participants)}
            hint={t("pendingParticipants", { count: training.pendingParticipants, trainings: training.pendingTrainings })}
          />
          <StatCard label={t("completed")} value={n(training.completed)} hint={t("trainings", { count: training.trainings })} />
          <StatCard label={t("certificates")} value={n(training.certificates)} />
          <StatCard
            label={t("aid")}
            value={n(aid.distributions)}
            hint={t("aidHouseholds", { count: aid.households, value: formatRupiahShort(aid.value, { locale }) })}
          />
        </StatGrid>
        <p className="text-sm text-muted">
          {t("aidPending", { count: aid.pending })}{" "}
          <Link href={trainingsHref} className="font-medium text-brand-700 underline-offset-2 hover:underline">
            {t("toTrainings")}
          </Link>
        </p>
      </div>
    </Card>
  );
}
