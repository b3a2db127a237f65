import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { KeptFilters, type KeptFilter } from "@/components/ui/kept-filters";
import { TRAINING_STATUSES, type TrainingStatusFilter } from "@/features/trainings/queries";

/** Year, OPD (city-wide readers), programme and status as a plain GET form: the URL holds the choice. */
export async function TrainingFilters({
  path,
  years,
  year,
  opds,
  opdId,
  programmes,
  programmesHint = null,
  programmeId,
  status,
  kept = [],
}: {
  path: string;
  years: readonly number[];
  year: number;
  opds?: readonly { id: string; shortName: string }[];
  opdId?: string | null;
  programmes: readonly { id: string; name: string }[];
  /** Why the programme select does not list every programme (too many: choose an OPD first). */
  programmesHint?: string | null;
  programmeId?: string;
  status?: TrainingStatusFilter;
  /** Narrowings from a home task that the form has no field for: kept when the form changes. */
  kept?: readonly KeptFilter[];
}) {
  const t = await getTranslations("Trainings.filters");
  const choices = [...new Set([...years, year])].sort((a, b) => b - a);
  return (
    <form method="get" action={path} aria-label={t("label")} className="flex flex-wrap items-end gap-3">
      <SelectField id="trainings-year" name="tahun" label={t("year")} defaultValue={String(year)} className="w-28">
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </SelectField>
      {opds ? (
        <SelectField id="trainings-opd" name="opd" label={t("opd")} defaultValue={opdId ?? ""} className="w-44">
          <option value="">{t("allOpds")}</option>
          {opds.map((opd) => (
            <option key={opd.id} value={opd.id}>
              {opd.shortName}
            </option>
          ))}
        </SelectField>
      ) : null}
      <SelectField
        id="trainings-programme"
        name="program"
        label={t("programme")}
        defaultValue={programmeId ?? ""}
        className="w-72 max-w-full"
        aria-describedby={programmesHint ? "trainings-programme-hint" : undefined}
      >
        <option value="">{t("allProgrammes")}</option>
        {programmes.map((programme) => (
          <option key={programme.id} value={programme.id}>
            {programme.name}
          </option>
        ))}
      </SelectField>
      <SelectField id="trainings-status" name="status" label={t("status")} defaultValue={status ?? ""} className="w-44">
        <option value="">{t("allStatuses")}</option>
        {TRAINING_STATUSES.map((value) => (
          <option key={value} value={value}>
            {t(`statuses.${value}`)}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary" className="min-h-11">
        {t("apply")}
      </Button>
      <KeptFilters filters={kept} />
      {programmesHint ? (
        <p id="trainings-programme-hint" className="basis-full text-sm text-muted">
          {programmesHint}
        </p>
      ) : null}
    </form>
  );
}
