import { getLocale, getTranslations } from "next-intl/server";
import { Button, LinkButton } from "@/components/ui/button";
import { MonthField } from "@/components/ui/month-field";
import { SelectField } from "@/components/ui/select-field";
import { formatDateShort } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { FOLLOW_UP_STATES, type FollowUpFilter } from "@/features/trainings/follow-up-list";

const STATE_PARAM = { open: "belum", answered: "sudah" } as const;

/**
 * Status, OPD (city-wide readers only), training and due month as a plain GET form: the URL
 * holds the choice, ids and a month only, never a name.
 */
export async function FollowUpFilters({
  path,
  filter,
  opds,
  trainings,
}: {
  path: string;
  filter: FollowUpFilter;
  /** Only for readers of several OPDs; an OPD's users are held to their own by the session. */
  opds?: readonly { id: string; shortName: string }[];
  trainings: readonly { id: string; skill: string; startDate: Date; opd: { shortName: string } }[];
}) {
  const [t, locale] = await Promise.all([getTranslations("Trainings.followUps.filters"), getLocale() as Promise<AppLocale>]);
  const filtered = Boolean(filter.opdId || filter.trainingId || filter.month || filter.state !== "open");
  return (
    <form method="get" action={path} aria-label={t("label")} className="flex flex-wrap items-end gap-3">
      <SelectField id="follow-ups-state" name="status" label={t("state")} defaultValue={STATE_PARAM[filter.state]} className="w-40">
        {FOLLOW_UP_STATES.map((state) => (
          <option key={state} value={STATE_PARAM[state]}>
            {t(`states.${state}`)}
          </option>
        ))}
      </SelectField>
      {opds ? (
        <SelectField id="follow-ups-opd" name="opd" label={t("opd")} defaultValue={filter.opdId ?? ""} className="w-44">
          <option value="">{t("allOpds")}</option>
          {opds.map((opd) => (
            <option key={opd.id} value={opd.id}>
              {opd.shortName}
            </option>
          ))}
        </SelectField>
      ) : null}
      <SelectField id="follow-ups-training" name="pelatihan" label={t("training")} defaultValue={filter.trainingId ?? ""} className="w-72 max-w-full">
        <option value="">{t("allTrainings")}</option>
        {trainings.map((training) => (
          <option key={training.id} value={training.id}>
            {training.skill} · {formatDateShort(training.startDate, { locale, timeZone: "UTC" })}
            {opds ? ` · ${training.opd.shortName}` : ""}
          </option>
        ))}
      </SelectField>
      <MonthField id="follow-ups-month" name="bulan" label={t("month")} defaultValue={filter.month ?? ""} className="w-44" inRow />
      <Button type="submit" variant="secondary" className="min-h-11">
        {t("apply")}
      </Button>
      {filtered ? (
        <LinkButton href={path} variant="secondary">
          {t("reset")}
        </LinkButton>
      ) : null}
    </form>
  );
}
