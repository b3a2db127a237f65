import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardHeader } from "@/components/ui/card";
import { formatNumber } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";

/** What stands for the detail tables when a city has too many programmes for one page. */
export async function DetailPerOpdNote({ programmeCount, where }: { programmeCount: number; where: "page" | "print" }) {
  const [t, locale] = await Promise.all([getTranslations("QuarterlyReport.detailPerOpd"), getLocale() as Promise<AppLocale>]);
  return (
    <Card data-report-detail="per-opd">
      <CardHeader title={t("title")} />
      <div className="space-y-1 px-4 py-3 text-sm sm:px-5">
        <p>{t("body", { count: formatNumber(programmeCount, { locale }) })}</p>
        <p>{where === "page" ? t("choosePage") : t("choosePrint")}</p>
        <p className="text-muted">{t("workbook")}</p>
      </div>
    </Card>
  );
}
