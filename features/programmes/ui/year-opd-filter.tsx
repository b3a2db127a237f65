import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { KeptFilters, type KeptFilter } from "@/components/ui/kept-filters";
import { SelectField } from "@/components/ui/select-field";

/**
 * Fiscal year (and, for city-wide readers, OPD) as a plain GET form: the URL holds the
 * choice, so it can be shared and the back button works without JavaScript.
 */
export async function YearOpdFilter({
  path,
  years,
  year,
  opds,
  opdId,
  idPrefix,
  kept = [],
}: {
  path: string;
  years: readonly number[];
  year: number;
  /** Only for readers who see every OPD. */
  opds?: readonly { id: string; shortName: string; name: string }[];
  opdId?: string | null;
  idPrefix: string;
  /** Narrowings the form has no field for (a home task's), kept when the year or OPD changes. */
  kept?: readonly KeptFilter[];
}) {
  const t = await getTranslations("Programmes.filters");
  const choices = [...new Set([...years, year])].sort((a, b) => b - a);
  return (
    <form method="get" action={path} aria-label={t("label")} className="flex flex-wrap items-end gap-3">
      <SelectField id={`${idPrefix}-year`} name="tahun" label={t("year")} defaultValue={String(year)} className="w-36">
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </SelectField>
      {opds ? (
        <SelectField id={`${idPrefix}-opd`} name="opd" label={t("opd")} defaultValue={opdId ?? ""} className="w-64">
          <option value="">{t("allOpds")}</option>
          {opds.map((opd) => (
            <option key={opd.id} value={opd.id}>
              {opd.shortName}
            </option>
          ))}
        </SelectField>
      ) : null}
      <Button type="submit" variant="secondary" className="min-h-11">
        {t("apply")}
      </Button>
      <KeptFilters filters={kept} />
    </form>
  );
}
