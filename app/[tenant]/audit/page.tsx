import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditFilters } from "@/features/audit/ui/audit-filters";
import { zoneKey } from "@/features/audit/ui/audit-format";
import { AuditPagination } from "@/features/audit/ui/audit-pagination";
import { AuditTable } from "@/features/audit/ui/audit-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenantPage } from "@/lib/auth/guard";
import { listAuditEntries, listAuditUsers, parseAuditSearchParams } from "@/features/audit/queries";
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

  const [t, { tenant, page, users }] = await Promise.all([
    getTranslations("Audit"),
    withTenant(user.tenantId, async (tx) => {
      const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: user.tenantId }, select: { name: true, timeZone: true } });
      const [page, users] = await Promise.all([listAuditEntries(tx, filter, { timeZone: tenant.timeZone }), listAuditUsers(tx)]);
      return { tenant, page, users };
    }),
  ]);
  const path = auditRoutes.list(slug);

  return (
    <>
      <PageHeader title={t("title")} description={t("description", { city: tenant.name, zone: t(`zones.${zoneKey(tenant.timeZone)}`) })} />
      <AuditFilters path={path} filter={filter} users={users} />
      <div className="mt-6">
        <AuditTable rows={page.rows} timeZone={tenant.timeZone} />
      </div>
      <AuditPagination path={path} filter={filter} newerThan={page.newerThan} olderThan={page.olderThan} count={page.rows.length} />
    </>
  );
}
