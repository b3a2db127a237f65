// "Ekspor .xlsx · .csv" links to an export route (lib/spreadsheet/routes.ts). `query` keeps
// the page's filters, e.g. "tahun=2026&opd=…".
import { useTranslations } from "next-intl";
import { buttonClassName } from "@/components/ui/button";

export function ExportLinks({ href, query }: { href: string; query?: string }) {
  const t = useTranslations("Spreadsheet");
  const url = (format: "xlsx" | "csv") => `${href}?${new URLSearchParams([["format", format], ...new URLSearchParams(query ?? "")])}`;
  return (
    <span className="inline-flex flex-wrap gap-2">
      <a className={buttonClassName("secondary")} href={url("xlsx")} download>
        {t("export")}
      </a>
      <a className={buttonClassName("secondary")} href={url("csv")} download>
        {t("exportCsv")}
      </a>
    </span>
  );
}
