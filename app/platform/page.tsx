import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { CreateTenantForm } from "@/features/platform/ui/create-tenant-form";
import { PlatformTenantTable } from "@/features/platform/ui/platform-tenant-table";
import { MainContent } from "@/features/shell/ui/main-content";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { requirePlatformAdmin } from "@/lib/auth/guard";
import { db, withTenant } from "@/lib/db";
import { podNames } from "@/lib/db/pods";
import { listPlatformTenants } from "@/features/platform/platform-tenants";
import { regencyChoices } from "@/features/platform/regencies";
import { createTenantAction } from "@/features/platform/actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Platform");
  return { title: t("title"), robots: { index: false } };
}

export default async function PlatformPage() {
  await requirePlatformAdmin();
  const [t, messages, tenants] = await Promise.all([getTranslations("Platform"), getMessages(), listPlatformTenants({ db, withTenant })]);
  const choices = await regencyChoices(tenants.map((tenant) => tenant.kemendagriCode));

  return (
    <MainContent>
      <PageHeader eyebrow={t("eyebrow")} title={t("title")} description={t("description")} />
      <PlatformTenantTable tenants={tenants} showPods={podNames().length > 1} />
      <Card className="mt-8">
        <CardHeader id="create-tenant" title={t("create.title")} description={t("create.description")} />
        <div className="p-4 sm:p-5">
          <NextIntlClientProvider messages={{ Platform: { create: messages.Platform.create } }}>
            <CreateTenantForm
              action={createTenantAction}
              choices={choices}
              takenSlugs={tenants.map((tenant) => tenant.slug)}
              passwordMinLength={PASSWORD_MIN_LENGTH}
              pods={podNames()}
            />
          </NextIntlClientProvider>
        </div>
      </Card>
    </MainContent>
  );
}
