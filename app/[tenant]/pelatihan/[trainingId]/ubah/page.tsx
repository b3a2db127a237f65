import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { TrainingForm } from "@/features/trainings/ui/training-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenantPage } from "@/lib/auth/guard";
import { userCan } from "@/lib/auth/permissions";
import { withTenant } from "@/lib/db";
import { programmeScope } from "@/lib/auth/scope";
import { dateToDay } from "@/lib/calendar/days";
import { getTraining, trainingProgrammes } from "@/features/trainings/queries";
import { updateTrainingAction } from "@/features/trainings/actions";
import { trainingsRoutes } from "@/features/trainings/routes";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ tenant: string; trainingId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Trainings");
  return { title: t("editTitle") };
}

export default async function EditTrainingPage({ params }: Props) {
  const { tenant: slug, trainingId } = await params;
  const user = await requireTenantPage(slug, "trainings");
  if (!userCan(user, "entry:write") || !user.opdId) notFound();
  const opdId = user.opdId;
  const data = await withTenant(user.tenantId, async (tx) => {
    const training = await getTraining(tx, programmeScope(user), trainingId);
    if (!training || training.status !== "DRAFT") return null;
    return { training, programmes: await trainingProgrammes(tx, opdId) };
  });
  if (!data) notFound();
  const { training } = data;
  const [t, messages] = await Promise.all([getTranslations("Trainings"), getMessages()]);
  const back = trainingsRoutes.detail(slug, training.id);

  return (
    <NextIntlClientProvider messages={{ Trainings: messages.Trainings }}>
      <PageHeader title={t("editTitle")} description={training.skill} />
      <Card className="p-4 sm:p-5">
        <TrainingForm
          action={updateTrainingAction.bind(null, slug)}
          programmes={data.programmes.map((p) => ({ id: p.id, label: `${p.name} (${p.fiscalYear})` }))}
          values={{
            trainingId: training.id,
            version: training.version,
            programmeId: training.programmeId,
            skill: training.skill,
            startDate: dateToDay(training.startDate),
            endDate: dateToDay(training.endDate),
            place: training.place,
            trainer: training.trainer ?? "",
            capacity: String(training.capacity),
          }}
          tenantSlug={slug}
          cancelHref={back}
        />
      </Card>
    </NextIntlClientProvider>
  );
}
