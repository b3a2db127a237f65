import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { TrainingForm } from "@/features/trainings/ui/training-form";
import { Card } from "@/components/ui/card";
import { FormNotice } from "@/components/ui/form-alert";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenantPage } from "@/lib/auth/guard";
import { userCan } from "@/lib/auth/permissions";
import { withTenant } from "@/lib/db";
import { trainingProgrammes } from "@/features/trainings/queries";
import { createTrainingAction } from "@/features/trainings/actions";
import { trainingsRoutes } from "@/features/trainings/routes";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ tenant: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Trainings");
  return { title: t("newTitle") };
}

export default async function NewTrainingPage({ params }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "trainings");
  if (!userCan(user, "entry:write") || !user.opdId) notFound();
  const opdId = user.opdId;
  const programmes = await withTenant(user.tenantId, (tx) => trainingProgrammes(tx, opdId));
  const [t, messages] = await Promise.all([getTranslations("Trainings"), getMessages()]);

  return (
    <NextIntlClientProvider messages={{ Trainings: messages.Trainings }}>
      <PageHeader title={t("newTitle")} description={t("newIntro")} />
      {programmes.length === 0 ? (
        <FormNotice>{t("noProgrammes")}</FormNotice>
      ) : (
        <Card className="p-4 sm:p-5">
          <TrainingForm
            action={createTrainingAction.bind(null, slug)}
            programmes={programmes.map((p) => ({ id: p.id, label: `${p.name} (${p.fiscalYear})` }))}
            tenantSlug={slug}
            cancelHref={trainingsRoutes.list(slug)}
          />
        </Card>
      )}
    </NextIntlClientProvider>
  );
}
