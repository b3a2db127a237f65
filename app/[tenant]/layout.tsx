import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { MainContent } from "@/features/shell/ui/main-content";
import { TenantBar } from "@/features/shell/ui/tenant-bar";
import { requireTenantUser } from "@/lib/auth/guard";
import { getTenantBySlug } from "@/lib/tenant/queries";

export const dynamic = "force-dynamic";

export default async function TenantLayout({ children, params }: { children: ReactNode; params: Promise<{ tenant: string }> }) {
  const slug = (await params).tenant;
  // The gate first: to a visitor who has not signed in, a city and a slug that is none answer alike.
  const user = await requireTenantUser(slug);
  const tenant = await getTenantBySlug(slug);
  if (!tenant) notFound();
  return (
    <>
      <TenantBar tenant={tenant} user={user} />
      <MainContent>{children}</MainContent>
    </>
  );
}
