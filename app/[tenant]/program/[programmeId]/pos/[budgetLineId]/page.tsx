import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { BudgetLineForm } from "@/features/programmes/ui/budget-line-form";
import { ActionButton } from "@/components/ui/action-button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenantPage } from "@/lib/auth/guard";
import { userCan } from "@/lib/auth/permissions";
import { withTenant } from "@/lib/db";
import { formatNumber } from "@/lib/format";
import { FUNDING_SOURCES } from "@/features/programmes/schemas";
import { deleteBudgetLineAction, updateBudgetLineAction } from "@/features/programmes/actions";
import { programmesRoutes } from "@/features/programmes/routes";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ tenant: string; programmeId: string; budgetLineId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Programmes");
  return { title: t("edit.lineTitle") };
}

export default async function EditBudgetLinePage({ params }: Props) {
  const { tenant: slug, programmeId, budgetLineId } = await params;
  const user = await requireTenantPage(slug, "programmes");
  const opdId = user.opdId;
  if (!userCan(user, "programme:write") || !opdId) notFound();
  const line = await withTenant(user.tenantId, (tx) =>
    tx.budgetLine.findFirst({
      where: { id: budgetLineId, programmeId, programme: { opdId } },
      include: { programme: { select: { id: true, name: true, fiscalYear: true, opd: { select: { shortName: true } } } } },
    }),
  );
  if (!line) notFound();
  const [t, messages] = await Promise.all([getTranslations("Programmes"), getMessages()]);
  const detail = programmesRoutes.detail(slug, line.programme.id);

  return (
    <NextIntlClientProvider messages={{ Programmes: messages.Programmes }}>
      <Link href={detail} className="mb-3 inline-block text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        ← {line.programme.name}
      </Link>
      <PageHeader
        eyebrow={t("detail.eyebrow", { opd: line.programme.opd.shortName, year: line.programme.fiscalYear })}
        title={t("edit.lineTitle")}
        description={t("edit.lineIntro")}
      />
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,1fr)]">
        <Card className="p-5 sm:p-6">
          <BudgetLineForm
            mode="edit"
            action={updateBudgetLineAction.bind(null, slug)}
            sources={FUNDING_SOURCES}
            tenantSlug={slug}
            line={{
              id: line.id,
              programmeId: line.programme.id,
              fundingSource: line.fundingSource,
              partnerName: line.partnerName,
              aidMode: line.aidMode,
              description: line.description,
              accountCode: line.accountCode,
              pagu: formatNumber(line.pagu),
              version: line.version,
            }}
          />
        </Card>
        <Card>
          <CardHeader title={t("edit.deleteLine")} />
          <div className="space-y-3 p-4 sm:p-5">
            <p className="text-sm text-muted">{t("edit.deleteLineIntro")}</p>
            <ActionButton
              action={deleteBudgetLineAction.bind(null, slug)}
              fields={{ budgetLineId: line.id }}
              variant="danger"
              confirm={t("edit.confirmDelete")}
              redirectTo={detail}
            >
              {t("edit.deleteLine")}
            </ActionButton>
          </div>
        </Card>
      </div>
    </NextIntlClientProvider>
  );
}
