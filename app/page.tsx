import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MainContent } from "@/components/shell/main-content";
import { TenantList } from "@/components/tenant/tenant-list";
import { PageHeader } from "@/components/ui/page-header";
import { listTenants } from "@/lib/tenant/queries";

// Reads the database on every request; never at build time.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Home");
  return { title: t("title") };
}

export default async function HomePage() {
  const [t, tenants] = await Promise.all([getTranslations("Home"), listTenants()]);
  return (
    <MainContent>
      <PageHeader title={t("title")} description={t("intro")} />
      <TenantList tenants={tenants} />
    </MainContent>
  );
}
