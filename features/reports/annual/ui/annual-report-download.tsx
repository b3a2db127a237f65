import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { SelectField } from "@/components/ui/select-field";
import type { AppLocale } from "@/lib/i18n/locales";
import { ANNUAL_REPORT_CHAPTERS } from "../structure";
import { reportWords } from "../words";

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

/**
 * The year and the download button, as a plain GET form to the download route (the browser
 * saves the file; no JavaScript needed), beside what the draft holds, chapter by chapter.
 */
export function AnnualReportDownload({ action, years, year, locale }: { action: string; years: readonly number[]; year: number; locale: AppLocale }) {
  const { t } = reportWords(locale);
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      <Card>
        <CardHeader title={t("page.formLabel")} description={t("page.figuresNote")} />
        <form method="get" action={action} aria-label={t("page.formLabel")} className="flex flex-wrap items-end gap-3 px-4 py-4 sm:px-5">
          <SelectField id="annual-report-year" name="tahun" label={t("page.year")} defaultValue={String(year)} className="w-full sm:w-40">
            {years.map((one) => (
              <option key={one} value={one}>
                {one}
              </option>
            ))}
          </SelectField>
          <Button type="submit" className="w-full sm:w-auto">
            {t("page.download")}
          </Button>
        </form>
        <p className="border-t border-line px-4 py-3 text-sm text-muted sm:px-5">{t("page.privacyNote")}</p>
      </Card>
      <Card>
        <CardHeader title={t("page.contentsTitle")} description={t("page.contentsDescription")} />
        <ol className="space-y-1 px-4 py-4 text-sm sm:px-5">
          {ANNUAL_REPORT_CHAPTERS.map((chapter, i) => (
            <li key={ROMAN[i]} className="flex gap-2">
              <span className="w-24 shrink-0 whitespace-nowrap text-muted">{t("page.chapter", { number: ROMAN[i] ?? String(i + 1) })}</span>
              <span className="text-ink">{chapter.title(t)}</span>
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
