import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import type { DashboardFilterOptions, FilterChoice } from "@/features/dashboards/filter-options";
import { programmeChoicesHint } from "@/components/ui/programme-choices-hint";
import type { DashboardFilters } from "@/features/dashboards/filters";

export type DashboardFilterField = "year" | "kecamatan" | "opd" | "programme" | "sipd";

const ALL_FIELDS: readonly DashboardFilterField[] = ["year", "kecamatan", "opd", "programme"];

function labelOf(choices: FilterChoice[], id: string | null): string | null {
  return id ? (choices.find((choice) => choice.id === id)?.label ?? null) : null;
}

/**
 * The dashboard filters as a plain GET form (`?tahun=&kecamatan=&opd=&program=&sipd=`, read by
 * lib/dashboards/filters.ts): the URL holds the choice, so a view can be shared, bookmarked
 * and printed, and the form works without JavaScript. On paper it becomes one line saying
 * what the figures cover.
 */
export async function DashboardFilterBar({
  path,
  filters,
  options,
  fields = ALL_FIELDS,
  idPrefix = "dashboard",
}: {
  path: string;
  filters: DashboardFilters;
  options: DashboardFilterOptions;
  fields?: readonly DashboardFilterField[];
  idPrefix?: string;
}) {
  const t = await getTranslations("Dashboards.filters");
  const has = (field: DashboardFilterField) => fields.includes(field);
  const summary = [
    has("year") ? t("summaryYear", { year: filters.year }) : null,
    has("kecamatan") ? (labelOf(options.kecamatan, filters.kecamatanId) ?? t("allKecamatan")) : null,
    has("opd") ? (labelOf(options.opds, filters.opdId) ?? t("allOpds")) : null,
    has("programme") ? (labelOf(options.programmes, filters.programmeId) ?? t("allProgrammes")) : null,
    has("sipd") ? (filters.sipdCode ? `${t("sipd")} ${filters.sipdCode}` : t("allSipd")) : null,
  ].filter(Boolean);
  // Too many programmes to list (lib/dashboards/filter-options.ts): the plain GET form cascades
  // from the OPD, so the hint says to choose one and apply first.
  const programmeHintId = `${idPrefix}-programme-hint`;
  const cut = has("programme") ? options.programmesCut : undefined;
  const programmeHint = await programmeChoicesHint(cut);
  return (
    <>
      <form method="get" action={path} aria-label={t("label")} className="flex flex-wrap items-end gap-3 print:hidden">
        {has("year") ? (
          <SelectField id={`${idPrefix}-year`} name="tahun" label={t("year")} defaultValue={String(filters.year)} className="w-32">
            {options.years.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </SelectField>
        ) : null}
        {has("kecamatan") ? (
          <SelectField id={`${idPrefix}-kecamatan`} name="kecamatan" label={t("kecamatan")} defaultValue={filters.kecamatanId ?? ""} className="w-full sm:w-52">
            <option value="">{t("allKecamatan")}</option>
            {options.kecamatan.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.label}
              </option>
            ))}
          </SelectField>
        ) : null}
        {has("opd") ? (
          <SelectField id={`${idPrefix}-opd`} name="opd" label={t("opd")} defaultValue={filters.opdId ?? ""} className="w-full sm:w-52">
            <option value="">{t("allOpds")}</option>
            {options.opds.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.label}
              </option>
            ))}
          </SelectField>
        ) : null}
        {has("programme") ? (
          <SelectField
            id={`${idPrefix}-programme`}
            name="program"
            label={t("programme")}
            defaultValue={filters.programmeId ?? ""}
            className="w-full sm:w-64"
            aria-describedby={programmeHint ? programmeHintId : undefined}
          >
            <option value="">{t("allProgrammes")}</option>
            {options.programmes.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.label}
              </option>
            ))}
          </SelectField>
        ) : null}
        {has("sipd") ? (
          <SelectField id={`${idPrefix}-sipd`} name="sipd" label={t("sipd")} defaultValue={filters.sipdCode ?? ""} className="w-full sm:w-48">
            <option value="">{t("allSipd")}</option>
            {options.sipdCodes.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {/* Each kegiatan under its programme. */}
                {choice.level === "kegiatan" ? `\u00a0\u00a0${choice.label}` : choice.label}
              </option>
            ))}
          </SelectField>
        ) : null}
        <Button type="submit" className="min-h-11">
          {t("apply")}
        </Button>
        {programmeHint ? (
          // Under the whole row, not under the select, so the selects and the button stay aligned.
          <p id={programmeHintId} className="basis-full text-sm text-muted">
            {programmeHint}
          </p>
        ) : null}
      </form>
      <p className="hidden text-sm print:block">{t("printedFor", { filters: summary.join(" · ") })}</p>
    </>
  );
}
