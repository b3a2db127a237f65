import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { AbsorptionSummary } from "@/features/budget/ui/absorption-summary";
import { BudgetLineForm } from "@/features/programmes/ui/budget-line-form";
import { BudgetLinesTable } from "@/features/programmes/ui/budget-lines-table";
import { LinkButton } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ProgrammeResultsCard } from "@/features/trainings/ui/programme-results";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenantPage } from "@/lib/auth/guard";
import { userCan } from "@/lib/auth/permissions";
import { absorptionOf } from "@/features/budget/absorption";
import { currentYearMonth } from "@/lib/calendar/months";
import { addTotals } from "@/features/budget/totals";
import { withTenant } from "@/lib/db";
import { getProgramme, listProgrammeLines } from "@/features/programmes/queries";
import { FUNDING_SOURCES } from "@/features/programmes/schemas";
import { programmeScope } from "@/lib/auth/scope";
import { programmeResults } from "@/features/trainings/programme-results";
import { copyProgrammeAction, createBudgetLineAction } from "@/features/programmes/actions";
import { CopyProgrammeButton } from "@/features/programmes/ui/copy-programme-button";
import { tenantTimeZone } from "@/lib/tenant/time-zone";
import { budgetRoutes } from "@/features/budget/routes";
import { programmesRoutes } from "@/features/programmes/routes";
import { trainingsRoutes } from "@/features/trainings/routes";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ tenant: string; programmeId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Programmes");
  return { title: t("title") };
}

export default async function ProgrammePage({ params }: Props) {
  const { tenant: slug, programmeId } = await params;
  const user = await requireTenantPage(slug, "programmes");
  const scope = programmeScope(user);
  const data = await withTenant(user.tenantId, async (tx) => {
    // Another OPD's programme is "not found" for OPD roles.
    const programme = await getProgramme(tx, scope, programmeId);
    if (!programme) return null;
    const [lines, timeZone, results] = await Promise.all([
      listProgrammeLines(tx, user.tenantId, programme.id),
      tenantTimeZone(tx, user.tenantId),
      programmeResults(tx, user.tenantId, programme.id),
    ]);
    return { programme, lines, timeZone, results };
  });
  if (!data) notFound();
  const { programme, lines } = data;

  const [t, tr, messages] = await Promise.all([getTranslations("Programmes"), getTranslations("TargetHouseholds"), getMessages()]);
  const totals = addTotals(lines);
  const absorption = absorptionOf(totals.pagu, totals.realised, programme.fiscalYear, currentYearMonth(data.timeZone));
  const canEdit = userCan(user, "programme:write") && user.opdId === programme.opdId;
  const yearQuery = `tahun=${programme.fiscalYear}`;

  return (
    <>
      <Link href={programmesRoutes.list(slug, yearQuery)} className="mb-3 inline-block text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        {t("detail.backToList")}
      </Link>
      <PageHeader
        eyebrow={t("detail.eyebrow", { opd: programme.opd.shortName, year: programme.fiscalYear })}
        title={programme.name}
        actions={
          <>
            <LinkButton href={budgetRoutes.list(slug, yearQuery)} variant="secondary">
              {t("detail.openBudget")}
            </LinkButton>
            <LinkButton href={programmesRoutes.targetHouseholds(slug, programme.id)} variant="secondary">
              {tr("link")}
            </LinkButton>
            {canEdit ? (
              <CopyProgrammeButton
                action={copyProgrammeAction.bind(null, slug)}
                tenantSlug={slug}
                programmeId={programme.id}
                label={t("detail.copy", { year: programme.fiscalYear + 1 })}
                pendingLabel={t("detail.copyPending")}
                confirm={t("detail.copyConfirm", { year: programme.fiscalYear + 1 })}
              />
            ) : null}
            {canEdit ? <LinkButton href={programmesRoutes.edit(slug, programme.id)}>{t("detail.edit")}</LinkButton> : null}
          </>
        }
      />
      <AbsorptionSummary
        label={t("summary.label")}
        absorption={absorption}
        fiscalYear={programme.fiscalYear}
        pendingCount={totals.pendingCount}
        pendingAmount={totals.pendingAmount}
      />

      <ProgrammeResultsCard results={data.results} trainingsHref={trainingsRoutes.list(slug, { tahun: programme.fiscalYear, program: programme.id })} />

      <Card className="mt-6">
        <CardHeader title={t("detail.facts")} />
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 p-4 text-sm sm:grid-cols-2 sm:p-5 lg:grid-cols-[repeat(4,minmax(0,1fr))_minmax(0,2fr)]">
          <div>
            <dt className="text-muted">{t("detail.opd")}</dt>
            <dd className="mt-0.5">{programme.opd.name}</dd>
          </div>
          <div>
            <dt className="text-muted">{t("detail.kind")}</dt>
            <dd className="mt-0.5">{t(`kinds.${programme.kind}`)}</dd>
          </div>
          <div>
            <dt className="text-muted">{t("detail.sipdCode")}</dt>
            <dd className="mt-0.5">
              {programme.sipdCode !== null ? (
                <span className="font-mono">{programme.sipdCode}</span>
              ) : (
                <span className="text-muted">{t("detail.noSipdCode")}</span>
              )}
            </dd>
          </div>
          <div>
            <dt className="text-muted">{t("detail.target")}</dt>
            <dd className="mt-0.5 tabular-nums">
              {t("target", { count: programme.targetCount, unit: programme.targetUnit })}
              <span className="text-muted"> · {t("targetExtreme", { count: programme.targetExtremeCount })}</span>
            </dd>
          </div>
          <div>
            <dt className="text-muted">{t("detail.description")}</dt>
            <dd className="mt-0.5">
              {programme.description !== null ? (
                <span data-user-content>{programme.description}</span>
              ) : (
                <span className="text-muted">{t("detail.noDescription")}</span>
              )}
            </dd>
          </div>
        </dl>
      </Card>

      <Card className="mt-6">
        <CardHeader id="programme-lines" title={t("detail.lines")} description={t("detail.linesIntro")} />
        {lines.length === 0 ? (
          <p className="p-4 text-muted sm:p-5">{t("detail.noLines")}</p>
        ) : (
          <BudgetLinesTable lines={lines} totals={totals} tenantSlug={slug} programmeId={programme.id} canEdit={canEdit} expected={absorption.expected} />
        )}
      </Card>

      {canEdit ? (
        <Card className="mt-6">
          <CardHeader title={t("detail.addLine")} description={t("detail.addLineIntro")} />
          <div className="p-4 sm:p-5">
            <NextIntlClientProvider messages={{ Programmes: messages.Programmes }}>
              <BudgetLineForm
                mode="create"
                action={createBudgetLineAction.bind(null, slug)}
                programmeId={programme.id}
                sources={FUNDING_SOURCES}
                tenantSlug={slug}
              />
            </NextIntlClientProvider>
          </div>
        </Card>
      ) : null}
    </>
  );
}
