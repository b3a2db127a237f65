import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { ProgrammeForm } from "@/features/programmes/ui/programme-form";
import { ActionButton } from "@/components/ui/action-button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenantPage } from "@/lib/auth/guard";
import { userCan } from "@/lib/auth/permissions";
import { withTenant } from "@/lib/db";
import { PROGRAMME_KINDS, TARGET_UNITS } from "@/features/programmes/schemas";
import { deleteProgrammeAction, updateProgrammeAction } from "@/features/programmes/actions";
import { programmesRoutes } from "@/features/programmes/routes";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ tenant: string; programmeId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Programmes");
  return { title: t("edit.title") };
}

export default async function EditProgrammePage({ params }: Props) {
  const { tenant: slug, programmeId } = await params;
  const user = await requireTenantPage(slug, "programmes");
  const opdId = user.opdId;
  if (!userCan(user, "programme:write") || !opdId) notFound();
  // Only the programme's own OPD edits it: anyone else's is "not found".
  const programme = await withTenant(user.tenantId, (tx) =>
    tx.programme.findFirst({ where: { id: programmeId, opdId }, include: { opd: { select: { name: true, shortName: true } } } }),
  );
  if (!programme) notFound();
  const [t, messages] = await Promise.all([getTranslations("Programmes"), getMessages()]);
  const detail = programmesRoutes.detail(slug, programme.id);

  return (
    <NextIntlClientProvider messages={{ Programmes: messages.Programmes }}>
      <Link href={detail} className="mb-3 inline-block text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        ← {programme.name}
      </Link>
      <PageHeader eyebrow={t("detail.eyebrow", { opd: programme.opd.shortName, year: programme.fiscalYear })} title={t("edit.title")} />
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,1fr)]">
        <Card className="p-5 sm:p-6">
          <ProgrammeForm
            action={updateProgrammeAction.bind(null, slug)}
            tenantSlug={slug}
            opdName={programme.opd.name}
            kinds={PROGRAMME_KINDS}
            units={TARGET_UNITS}
            defaultYear={programme.fiscalYear}
            programme={{
              id: programme.id,
              name: programme.name,
              kind: programme.kind,
              fiscalYear: programme.fiscalYear,
              sipdCode: programme.sipdCode,
              description: programme.description,
              targetUnit: programme.targetUnit,
              targetCount: programme.targetCount,
              targetExtremeCount: programme.targetExtremeCount,
              version: programme.version,
            }}
          />
        </Card>
        <Card>
          <CardHeader title={t("edit.delete")} />
          <div className="space-y-3 p-4 sm:p-5">
            <p className="text-sm text-muted">{t("edit.deleteIntro")}</p>
            <ActionButton
              action={deleteProgrammeAction.bind(null, slug)}
              fields={{ programmeId: programme.id }}
              variant="danger"
              confirm={t("edit.confirmDelete")}
              redirectTo={programmesRoutes.list(slug, { tahun: programme.fiscalYear })}
            >
              {t("edit.delete")}
            </ActionButton>
          </div>
        </Card>
      </div>
    </NextIntlClientProvider>
  );
}
