import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { FollowUpForm } from "@/features/trainings/ui/follow-up-form";
import { FollowUpFilters } from "@/features/trainings/ui/follow-up-filters";
import { FollowUpPagination } from "@/features/trainings/ui/follow-up-pagination";
import { TrainingStatusBadge } from "@/features/trainings/ui/training-status-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { FormNotice } from "@/components/ui/form-alert";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import { Cell, HeaderCell, Row, RowHeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import { requireTenantPage } from "@/lib/auth/guard";
import { userCan } from "@/lib/auth/permissions";
import { withTenant } from "@/lib/db";
import { formatDateShort, formatNumber } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { programmeScope } from "@/lib/auth/scope";
import { dateToDay, dayToDate } from "@/lib/calendar/days";
import { cityToday } from "@/lib/calendar/city-today";
import { readSearchParams } from "@/lib/validation/search-params";
import { opdChoices } from "@/features/programmes/queries";
import { countFollowUps, followUpFilterOf, followUpPage, followUpQuery, followUpTrainings } from "@/features/trainings/follow-up-list";
import { followUpOutcomes } from "@/features/trainings/queries";
import { TRAINING_OUTCOMES } from "@/features/trainings/schemas";
import { recordFollowUpAction } from "@/features/trainings/actions";
import { trainingsRoutes } from "@/features/trainings/routes";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Trainings.followUps");
  return { title: t("title") };
}

export default async function FollowUpsPage({ params, searchParams }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "trainings");
  const scope = programmeScope(user);
  const canWrite = userCan(user, "entry:write") && Boolean(user.opdId);

  const data = await withTenant(user.tenantId, async (tx) => {
    const today = dateToDay(await cityToday(tx, user.tenantId));
    const opds = scope.kind === "city" ? await opdChoices(tx) : null;
    const asked = followUpFilterOf(readSearchParams(await searchParams), scope);
    // An OPD the city does not have is no filter.
    const filter = { ...asked, opdId: opds?.some((opd) => opd.id === asked.opdId) ? asked.opdId : undefined };
    const trainings = await followUpTrainings(tx, { scope, opdId: filter.opdId, chosen: filter.trainingId });
    if (filter.trainingId && !trainings.some((training) => training.id === filter.trainingId)) filter.trainingId = undefined;
    // The figure "due, not answered" is the list's own total when the list is not narrowed further.
    const unnarrowed = filter.state === "open" && !filter.trainingId && !filter.month;
    const [page, dueCount, outcomes] = await Promise.all([
      followUpPage(tx, { scope, today, filter }),
      unnarrowed ? null : countFollowUps(tx, { scope, today, filter: { state: "open", opdId: filter.opdId } }),
      followUpOutcomes(tx, scope, filter.opdId),
    ]);
    return { today, opds, filter, trainings, page, dueCount: dueCount ?? page.total, outcomes };
  });
  const { today, filter, page, dueCount, outcomes } = data;
  const [t, locale, messages] = await Promise.all([getTranslations("Trainings"), getLocale() as Promise<AppLocale>, getMessages()]);
  const showOpd = scope.kind === "city";
  const answered = filter.state === "answered";
  const path = trainingsRoutes.followUps(slug);
  const answerable = canWrite && !answered;

  return (
    <NextIntlClientProvider messages={{ Trainings: messages.Trainings }}>
      <Link href={trainingsRoutes.list(slug)} className="mb-3 inline-block text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        {t("backToList")}
      </Link>
      <header className="mb-6">
        <h1 className="text-2xl font-semibold text-ink sm:text-3xl">{t("followUps.title")}</h1>
        <p className="mt-2 max-w-3xl text-muted">{t("followUps.intro", { today: formatDateShort(dayToDate(today), { locale }) })}</p>
      </header>
      <StatGrid label={t("followUps.outcomesLabel")}>
        <StatCard label={t("followUps.due")} value={formatNumber(dueCount, { locale })} tone="highlight" />
        {TRAINING_OUTCOMES.map((outcome) => (
          <StatCard key={outcome} label={t(`outcomes.${outcome}`)} value={formatNumber(outcomes[outcome], { locale })} />
        ))}
      </StatGrid>
      <div className="mt-6">
        <FollowUpFilters path={path} filter={filter} opds={data.opds ?? undefined} trainings={data.trainings} />
      </div>
      {page.cursorLost ? <FormNotice>{t("followUps.cursorLost")}</FormNotice> : null}
      <Card className="mt-6">
        <CardHeader
          id="follow-ups"
          title={t(answered ? "followUps.listTitleAnswered" : "followUps.listTitle", { count: formatNumber(page.total, { locale }) })}
          description={answerable ? t("followUps.listIntro") : t("followUps.listIntroReader")}
        />
        {page.rows.length === 0 ? (
          <p className="p-4 text-muted sm:p-5">
            {filter.trainingId || filter.month || filter.opdId || answered ? t("followUps.noneFiltered") : t("followUps.none")}
          </p>
        ) : (
          <Table label={t("followUps.outcomesLabel")}>
            <TableHead>
              <tr>
                <HeaderCell>{t("followUps.columns.participant")}</HeaderCell>
                <HeaderCell>{t("followUps.columns.training")}</HeaderCell>
                <HeaderCell>{t("followUps.columns.due")}</HeaderCell>
                <HeaderCell>{answerable || answered ? t("followUps.columns.outcome") : t("followUps.columns.status")}</HeaderCell>
              </tr>
            </TableHead>
            <TableBody>
              {page.rows.map((row) => (
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
                      {t("followUps.ended", { date: formatDateShort(row.participant.training.endDate, { locale }) })}
                    </span>
                  </Cell>
                  <Cell>
                    <span className="whitespace-nowrap">{formatDateShort(row.dueDate, { locale })}</span>
                    <span className="block text-xs text-muted">{t("followUps.months", { count: row.monthsAfter })}</span>
                  </Cell>
                  <Cell>
                    {row.outcome ? (
                      <span className="block max-w-64">
                        <Badge tone={row.outcome === "NEITHER" ? "muted" : "positive"}>{t(`outcomes.${row.outcome}`)}</Badge>
                        {row.recordedAt ? (
                          <span className="mt-0.5 block text-xs text-muted">
                            {t("followUps.recordedOn", { date: formatDateShort(row.recordedAt, { locale }) })}
                          </span>
                        ) : null}
                        {row.note ? <span className="mt-0.5 block text-xs text-muted">{row.note}</span> : null}
                      </span>
                    ) : answerable ? (
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
        <FollowUpPagination
          href={(cursor) => trainingsRoutes.followUps(slug, followUpQuery(filter, cursor))}
          shown={page.rows.length}
          total={page.total}
          paged={Boolean((filter.after || filter.before) && !page.cursorLost)}
          prevBefore={page.prevBefore}
          nextAfter={page.nextAfter}
        />
      </Card>
    </NextIntlClientProvider>
  );
}
