import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { OpdForm } from "@/features/opds/ui/opd-form";
import { OpdsTable } from "@/features/opds/ui/opds-table";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenantPage } from "@/lib/auth/guard";
import { withTenant } from "@/lib/db";
import { listOpds } from "@/features/opds/queries";
import { createOpdAction } from "@/features/opds/actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ tenant: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Opds");
  return { title: t("title") };
}

export default async function OpdsPage({ params }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "opds");
  const [t, messages, opds] = await Promise.all([getTranslations("Opds"), getMessages(), withTenant(user.tenantId, listOpds)]);
  return (
    <>
      <PageHeader eyebrow={t("eyebrow")} title={t("title")} description={t("description")} />
      <OpdsTable opds={opds} tenantSlug={slug} />
      <Card className="mt-6">
        <CardHeader title={t("add")} description={t("addIntro")} />
        <div className="p-4 sm:p-5">
          <NextIntlClientProvider messages={{ Opds: messages.Opds }}>
            <OpdForm mode="create" action={createOpdAction.bind(null, slug)} />
          </NextIntlClientProvider>
        </div>
      </Card>
    </>
  );
}
