// The access report as .xlsx, for those who may open the report's page; another city's or
// an unknown household is "not found". Each download is audited (open-report.ts).
import { createTranslator } from "next-intl";
import { clientIp, requestId } from "@/lib/auth/request";
import { notFoundResponse, tenantRoute } from "@/lib/auth/route";
import { catalogues } from "@/lib/i18n/catalogues";
import { localeCookieName, localeFromCookie } from "@/lib/i18n/locales";
import { downloadHeaders, downloadName } from "@/lib/spreadsheet/write";
import { subjectAccessDocument } from "./document";
import { subjectAccessWorkbook } from "./xlsx";

function cookie(request: Request, name: string): string | undefined {
  const pair = (request.headers.get("cookie") ?? "").split(/;\s*/).find((part) => part.startsWith(`${name}=`));
  return pair ? decodeURIComponent(pair.slice(name.length + 1)) : undefined;
}

export const subjectAccessExportRoute = tenantRoute<{ tenant: string; householdId: string }>(
  { page: "subjectAccess", people: true },
  async ({ request, params, user, deps }) => {
    const locale = localeFromCookie(cookie(request, localeCookieName));
    const document = await deps.withTenant(user.tenantId, (tx) =>
      subjectAccessDocument(tx, user, String(params.householdId), {
        form: "xlsx",
        requestId: requestId(request.headers),
        ip: clientIp(request.headers),
        locale,
      }),
    );
    if (!document) return notFoundResponse();
    const t = createTranslator({ locale, messages: catalogues[locale], namespace: "SubjectAccess" });
    const workbook = subjectAccessWorkbook(document.tables, { title: t("title"), generated: document.generated, householdTitle: t("household.title") });
    return new Response(workbook, { headers: downloadHeaders("xlsx", downloadName(`akses-data-${document.report.household.id}`, "", "xlsx")) });
  },
);
