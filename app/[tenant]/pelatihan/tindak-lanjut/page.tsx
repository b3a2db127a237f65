import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { FollowUpForm } from "@/features/trainings/ui/follow-up-form";
import { TrainingStatusBadge } from "@/features/trainings/ui/training-status-badge";
import { Card, CardHeader } from "@/components/ui/card";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import { Cell, HeaderCell, Row, RowHeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import { requireTenantPage } from "@/lib/auth/guard";
import { userCan } from "@/lib/auth/permissions";
import { withTenant } from "@/lib/db";
import { formatDate, formatNumber } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { programmeScope } from "@/lib/auth/scope";
import { dateToDay, dayToDate } from "@/lib/calendar/days";
import { cityToday } from "@/lib/calendar/city-today";
import { FOLLOW_UP_PAGE, countDueFollowUps, dueFollowUps, followUpOutcomes } from "@/features/trainings/queries";
import { TRAINING_OUTCOMES } from "@/features/trainings/schemas";
import { recordFollowUpAction } from "@/features/trainings/actions";
import { trainingsRoutes } from "@/features/trainings/routes";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ tenant: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Trainings.followUps");
  return { title: t("title") };
}

export default async function FollowUpsPage({ params }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "trainings");
  const scope = programmeScope(user);
  const canWrite = userCan(user, "entry:write") && Boolean(user.opdId);

  const { due, dueCount, outcomes, today } = await withTenant(user.tenantId, async (tx) => {
    const today = dateToDay(await cityToday(tx, user.tenantId));
    const [due, dueCount, outcomes] = await Promise.all([
      dueFollowUps(tx, { scope, today }),
      countDueFollowUps(tx, { scope, today }),
      followUpOutcomes(tx, scope),
    ]);
    return { due, dueCount, outcomes, today };
  });
  const [t, locale, messages] = await Promise.all([getTranslations("Trainings"), getLocale() as Promise<AppLocale>, getMessages()]);
  const showOpd = scope.kind === "city";

  return (
    <NextIntlClientProvider messages={{ Trainings: messages.Trainings }}>
      <Link href={trainingsRoutes.list(slug)} className="mb-3 inline-block text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        {t("backToList")}
      </Link>
      <header className="mb-6">
        <h1 className="text-2xl font-semibold text-ink sm:text-3xl">{t("followUps.title")}</h1>
        <p className="mt-2 max-w-3xl text-muted">{t("followUps.intro", { today: formatDate(dayToDate(today), { locale }) })}</p>
      </header>
      <StatGrid label={t("followUps.outcomesLabel")}>
        <StatCard label={t("followUps.due")} value={formatNumber(dueCount, { locale })} tone="highlight" />
        {TRAINING_OUTCOMES.map((outcome) => (
          <StatCard key={outcome} label={t(`outcomes.${outcome}`)} value={formatNumber(outcomes[outcome], { locale })} />
        ))}
      </StatGrid>
      <Card className="mt-6">
        <CardHeader id="follow-ups" title={t("followUps.listTitle")} description={canWrite ? t("followUps.listIntro") : t("followUps.listIntroReader")} />
        {due.length === 0 ? (
          <p className="p-4 text-muted sm:p-5">{t("followUps.none")}</p>
        ) : (
          <Table label={t("followUps.listTitle")}>
            <TableHead>
              <tr>
                <HeaderCell>{t("followUps.columns.participant")}</HeaderCell>
                <HeaderCell>{t("followUps.columns.training")}</HeaderCell>
                <HeaderCell>{t("followUps.columns.due")}</HeaderCell>
                <HeaderCell>{canWrite ? t("followUps.columns.outcome") : t("followUps.columns.status")}</HeaderCell>
              </tr>
            </TableHead>
            <TableBody>
              {due.map((row) => (
                <Row key={row.id}>
                  <RowHeaderCell>
                    {row.participant.member.name}
                    {row.participant.status === "DRAFT" ? (
                      <span className="ml-1">
                        <TrainingStatusBadge status="DRAFT" />
                      </span>
                    ) : null}
                  </RowHeaderCell>
                  <Cell>
                    <Link
                      href={trainingsRoutes.detail(slug, row.participant.training.id)}
                      className="font-medium text-brand-800 underline-offset-2 hover:underline"
                    >
                      {row.participant.training.skill}
                    </Link>
                    <span className="block text-xs text-muted">
                      {showOpd ? `${row.participant.training.opd.shortName} · ` : ""}
                      {t("followUps.ended", { date: formatDate(row.participant.training.endDate, { locale }) })}
                    </span>
                  </Cell>
                  <Cell>
                    <span className="whitespace-nowrap">{formatDate(row.dueDate, { locale })}</span>
                    <span className="block text-xs text-muted">{t("followUps.months", { count: row.monthsAfter })}</span>
                  </Cell>
                  <Cell>
                    {canWrite ? (
                      <FollowUpForm
                        followUpId={row.id}
                        name={row.participant.member.name}
                        outcomes={TRAINING_OUTCOMES.map((value) => ({ value, label: t(`outcomes.${value}`) }))}
                        action={recordFollowUpAction.bind(null, slug)}
                      />
                    ) : (
                      <span className="text-muted">{t("followUps.open")}</span>
                    )}
                  </Cell>
                </Row>
              ))}
            </TableBody>
          </Table>
        )}
        {dueCount > due.length ? <p className="px-4 pb-4 text-sm text-muted sm:px-5">{t("more", { count: FOLLOW_UP_PAGE })}</p> : null}
      </Card>
    </NextIntlClientProvider>
  );
}
