import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditFilters } from "@/features/audit/ui/audit-filters";
import { zoneKey } from "@/features/audit/ui/audit-format";
import { AuditPagination } from "@/features/audit/ui/audit-pagination";
import { AuditTable } from "@/features/audit/ui/audit-table";
import { ExportLinks } from "@/components/spreadsheet/export-links";
import { PageHeader } from "@/components/ui/page-header";
import { auditExport } from "@/features/audit/export";
import { auditNames } from "@/features/audit/references";
import { meets } from "@/lib/auth/gate";
import { userCan } from "@/lib/auth/permissions";
import { exportRequirement } from "@/lib/spreadsheet/export";
import { requireTenantPage } from "@/lib/auth/guard";
import { auditFilterQuery, listAuditEntries, listAuditUsers, parseAuditSearchParams } from "@/features/audit/queries";
import { withTenant } from "@/lib/db";
import { auditRoutes } from "@/features/audit/routes";
import { readSearchParams } from "@/lib/validation/search-params";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Audit");
  return { title: t("title") };
}

export default async function AuditPage({ params, searchParams }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "audit");
  const filter = parseAuditSearchParams(readSearchParams(await searchParams));
  const mayExport = meets(user, exportRequirement(auditExport));

  const [t, { tenant, page, users, names }] = await Promise.all([
    getTranslations("Audit"),
    withTenant(user.tenantId, async (tx) => {
      const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: user.tenantId }, select: { name: true, timeZone: true } });
      const [page, users] = await Promise.all([listAuditEntries(tx, filter, { timeZone: tenant.timeZone }), listAuditUsers(tx)]);
      const names = await auditNames(tx, page.rows, { personal: userCan(user, "registry:read-personal") });
      return { tenant, page, users, names };
    }),
  ]);
  const path = auditRoutes.list(slug);

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { city: tenant.name, zone: t(`zones.${zoneKey(tenant.timeZone)}`) })}
        actions={mayExport ? <ExportLinks href={auditRoutes.export(slug)} query={auditFilterQuery(filter)} /> : null}
      />
      <AuditFilters path={path} filter={filter} users={users} />
      <div className="mt-6">
        <AuditTable rows={page.rows} timeZone={tenant.timeZone} names={names} />
      </div>
      <AuditPagination path={path} filter={filter} newerThan={page.newerThan} olderThan={page.olderThan} count={page.rows.length} />
    </>
  );
}
