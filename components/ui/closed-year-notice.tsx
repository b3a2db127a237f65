import { getTranslations } from "next-intl/server";
import { FormNotice } from "./form-alert";

/**
 * "Tahun anggaran 2024 sudah ditutup." on a page that shows a year before this one. Not
 * printed: the printout names its year in its own line.
 */
export async function ClosedYearNotice({ year, currentYear }: { year: number; currentYear: number }) {
  if (year >= currentYear) return null;
  const t = await getTranslations("Dashboards");
  return (
    <div className="my-3 print:hidden">
      <FormNotice>{t("closedYear", { year })}</FormNotice>
    </div>
  );
}
