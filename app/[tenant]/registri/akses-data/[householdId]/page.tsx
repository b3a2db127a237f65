import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PrintDocument } from "@/components/ui/print-document";
import { subjectAccessDocument } from "@/features/registry/subject-access/document";
import { SubjectAccessReportBody } from "@/features/registry/ui/subject-access-report";
import { registryRoutes } from "@/features/registry/routes";
import { requireTenantPage } from "@/lib/auth/guard";
import { clientIp, requestId } from "@/lib/auth/request";
import { withTenant } from "@/lib/db";
import { localeFromCookie } from "@/lib/i18n/locales";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ tenant: string; householdId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SubjectAccess");
  return { title: t("title") };
}

/** Everything held about one household and every processing of it, on A4 for the data subject. */
export default async function SubjectAccessPage({ params }: Props) {
  const { tenant: slug, householdId } = await params;
  const user = await requireTenantPage(slug, "subjectAccess");
  const [requestHeaders, locale, t] = await Promise.all([headers(), getLocale(), getTranslations("SubjectAccess")]);
  const document = await withTenant(user.tenantId, (tx) =>
    subjectAccessDocument(tx, user, householdId, {
      form: "page",
      requestId: requestId(requestHeaders),
      ip: clientIp(requestHeaders),
      locale: localeFromCookie(locale),
    }),
  );
  if (!document) notFound();
  const linkClass = "text-sm font-medium text-brand-800 underline-offset-2 hover:underline";
  return (
    <PrintDocument
      wide
      printLabel={t("print")}
      back={
        <>
          <a href={registryRoutes.subjectAccessExport(slug, householdId)} className={linkClass}>
            {t("download")}
          </a>
          <Link href={registryRoutes.household(slug, householdId)} className={linkClass}>
            {t("back")}
          </Link>
        </>
      }
    >
      <header>
        <p className="text-xs font-medium uppercase tracking-wide text-muted">{t("eyebrow")}</p>
        <h1 className="mt-1 text-xl font-bold">
          {t("title")}
          {document.subject ? `: ${document.subject}` : ""}
        </h1>
        <p className="mt-1 text-muted">{document.generated}</p>
        <p className="mt-3">{t("intro")}</p>
      </header>
      <SubjectAccessReportBody tables={document.tables} none={t("none")} />
    </PrintDocument>
  );
}
