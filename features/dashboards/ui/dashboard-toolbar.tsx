import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/ui/print-button";

/** The actions in a dashboard's page header: the print button, then any the page adds. */
export async function DashboardToolbar({ children }: { children?: ReactNode }) {
  const t = await getTranslations("Dashboards");
  return (
    <div className="flex flex-wrap gap-2 print:hidden">
      {children}
      <PrintButton label={t("print")} />
    </div>
  );
}
