import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { monthName } from "@/lib/calendar/months";
import type { AppLocale } from "@/lib/i18n/locales";
import type { ReportOpd } from "../opds";
import { periodMonths, QUARTERS, type ReportPeriod } from "../period";

/**
 * The year, the quarter and the OPD whose detail to show as a plain GET form
 * (`?tahun=&triwulan=&opd=`): the URL holds the choice.
 */
export async function PeriodForm({
  path,
  period,
  years,
  opds,
  opdId,
  locale,
}: {
  path: string;
  period: ReportPeriod;
  years: readonly number[];
  /** The OPDs of the report shown. */
  opds: readonly Pick<ReportOpd, "id" | "shortName">[];
  opdId: string | null;
  locale: AppLocale;
}) {
  const t = await getTranslations("QuarterlyReport.period");
  const months = (quarter: (typeof QUARTERS)[number]) => {
    const range = periodMonths(quarter).quarter;
    return `${monthName(range.from, locale).slice(0, 3)}–${monthName(range.to, locale).slice(0, 3)}`;
  };
  return (
    <form method="get" action={path} aria-label={t("label")} className="grid grid-cols-1 items-end gap-3 sm:flex sm:flex-wrap print:hidden">
      <SelectField id="laporan-tahun" name="tahun" label={t("year")} defaultValue={String(period.year)} className="sm:w-36">
        {years.map((year) => (
          <option key={year} value={year}>
            {year}
          </option>
        ))}
      </SelectField>
      <SelectField id="laporan-triwulan" name="triwulan" label={t("quarter")} defaultValue={String(period.quarter)} className="sm:w-56">
        {QUARTERS.map((quarter) => (
          <option key={quarter} value={quarter}>
            {t("quarterOption", { quarter, months: months(quarter) })}
          </option>
        ))}
      </SelectField>
      <SelectField id="laporan-opd" name="opd" label={t("opd")} defaultValue={opdId ?? ""} className="sm:w-56">
        <option value="">{t("allOpds")}</option>
        {opds.map((opd) => (
          <option key={opd.id} value={opd.id}>
            {opd.shortName}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary">
        {t("show")}
      </Button>
    </form>
  );
}
