import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { updateRetentionAction } from "@/features/audit/actions";
import { ProcessingRecord } from "@/features/audit/ui/processing-record";
import { RetentionForm } from "@/features/audit/ui/retention-form";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenantPage } from "@/lib/auth/guard";
import { userCan } from "@/lib/auth/permissions";
import { withTenant } from "@/lib/db";
import { retentionSettingOf } from "@/lib/privacy/retention";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ tenant: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Privacy");
  return { title: t("title") };
}

export default async function ProcessingRecordPage({ params }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "processingRecord");
  const [t, messages, { city, setting }] = await Promise.all([
    getTranslations("Privacy"),
    getMessages(),
    withTenant(user.tenantId, async (tx) => ({
      city: await tx.tenant.findUniqueOrThrow({ where: { id: user.tenantId }, select: { name: true } }),
      setting: await retentionSettingOf(tx),
    })),
  ]);
  const { version, ...periods } = setting;

  return (
    <>
      <PageHeader title={t("title")} description={t("description", { city: city.name })} />
      <p className="mb-4 text-sm text-muted">{t("audit.note")}</p>
      <ProcessingRecord periods={periods} />
      <Card className="mt-6">
        <CardHeader id="retention" title={t("retention.title")} description={t("retention.intro")} />
        <div className="px-4 py-4 sm:px-5">
          {userCan(user, "retention:manage") ? (
            <NextIntlClientProvider messages={{ Privacy: { retention: messages.Privacy.retention } }}>
              <RetentionForm action={updateRetentionAction.bind(null, slug)} periods={periods} version={version} />
            </NextIntlClientProvider>
          ) : (
            <p className="text-sm text-ink">{t("retention.current", { months: periods.auditMonths, days: periods.importReportDays })}</p>
          )}
        </div>
      </Card>
    </>
  );
}
