import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { MainContent } from "@/components/shell/main-content";
import { TenantBar } from "@/components/shell/tenant-bar";
import { getTenantBySlug } from "@/lib/tenant/queries";

export const dynamic = "force-dynamic";

export default async function TenantLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ tenant: string }>;
}) {
  const tenant = await getTenantBySlug((await params).tenant);
  if (!tenant) notFound();
  return (
    <>
      <TenantBar tenant={tenant} />
      <MainContent>{children}</MainContent>
    </>
  );
}
