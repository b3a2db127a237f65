import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { buttonClassName } from "@/components/ui/button";
import { PrintButton } from "@/components/ui/print-button";

/**
 * The actions in a dashboard's page header: any the page adds, the whole dashboard as one
 * workbook (`workbookHref`, for those who may export), then the print button.
 */
export async function DashboardToolbar({ children, workbookHref }: { children?: ReactNode; workbookHref?: string | null }) {
  const t = await getTranslations("Dashboards");
  return (
    <div className="flex flex-wrap gap-2 print:hidden">
      {children}
      {workbookHref ? (
        <a href={workbookHref} download className={buttonClassName("secondary")}>
          {t("downloadAll")}
        </a>
      ) : null}
      <PrintButton label={t("print")} />
    </div>
  );
}
