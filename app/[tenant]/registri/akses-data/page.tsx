import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableHead, TableBody, Row, HeaderCell, Cell } from "@/components/ui/table";
import { listServedReports } from "@/features/registry/subject-access/served";
import { registryRoutes } from "@/features/registry/routes";
import { requireTenantPage } from "@/lib/auth/guard";
import { withTenant } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { tenantTimeZone } from "@/lib/tenant/time-zone";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ tenant: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SubjectAccess.list");
  return { title: t("title") };
}

/** The access reports served in the city, newest first. */
export default async function SubjectAccessListPage({ params }: Props) {
  const { tenant: slug } = await params;
  const user = await requireTenantPage(slug, "subjectAccess");
  const { served, timeZone } = await withTenant(user.tenantId, async (tx) => ({
    served: await listServedReports(tx),
    timeZone: await tenantTimeZone(tx, user.tenantId),
  }));
  const [t, tu, locale] = await Promise.all([getTranslations("SubjectAccess.list"), getTranslations("Users.roles"), getLocale()]);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <Card>
        {served.length === 0 ? (
          <p className="p-4 text-sm text-muted sm:p-5">{t("empty")}</p>
        ) : (
          <Table label={t("label")}>
            <TableHead>
              <Row>
                <HeaderCell>{t("time")}</HeaderCell>
                <HeaderCell>{t("household")}</HeaderCell>
                <HeaderCell>{t("form")}</HeaderCell>
                <HeaderCell>{t("by")}</HeaderCell>
              </Row>
            </TableHead>
            <TableBody>
              {served.map((report) => (
                <Row key={report.id}>
                  <Cell>{formatDateTime(report.at, { locale, timeZone })}</Cell>
                  <Cell>
                    <Link
                      href={registryRoutes.subjectAccess(slug, report.householdId)}
                      prefetch={false}
                      className="text-brand-800 underline-offset-2 hover:underline"
                    >
                      {report.headName ?? t("noHead")}
                    </Link>
                  </Cell>
                  <Cell>{report.form === "page" || report.form === "xlsx" ? t(`forms.${report.form}`) : "–"}</Cell>
                  <Cell>{report.by ? `${report.by.name} (${tu(report.by.role)})` : "–"}</Cell>
                </Row>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
    </>
  );
}
