import type { Metadata } from "next";
import { programmeChoicesHint } from "@/components/ui/programme-choices-hint";
import { cappedProgrammeChoices } from "@/lib/paging/capped-choices";
import { ClosedYearNotice } from "@/components/ui/closed-year-notice";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { ExportLinks } from "@/components/spreadsheet/export-links";
import { TrainingFiguresGrid } from "@/features/trainings/ui/training-figures";
import { TrainingFilters } from "@/features/trainings/ui/training-filters";
import { TrainingStatusBadge } from "@/features/trainings/ui/training-status-badge";
import { TrainingVerifyTable } from "@/features/trainings/ui/verify-table";
import { LinkButton } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { FormNotice } from "@/components/ui/form-alert";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenantPage } from "@/lib/auth/guard";
import { userCan } from "@/lib/auth/permissions";
import { withTenant } from "@/lib/db";
import { formatDateShort, formatNumber } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { programmeWhere } from "@/lib/auth/scope";
import { yearContext, yearQuery } from "@/features/programmes/year-context";
import { TRAINING_STATUSES, trainingPage, yearFigures, type TrainingStatusFilter } from "@/features/trainings/queries";
import { KeyPagination } from "@/components/ui/key-pagination";
import { keyCursorOf, keyCursorQuery } from "@/lib/paging/key-page";
import { cityToday } from "@/lib/calendar/city-today";
import { firstParam, readSearchParams } from "@/lib/validation/search-params";
import { verifyTrainingsAction } from "@/features/trainings/actions";
import { trainingsRoutes } from "@/features/trainings/routes";
import { parseReturnedFilter } from "@/features/budget/queries";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Trainings");
  return { title: t("title") };
}

export default async function TrainingsPage({ params, searchParams }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "trainings");
  const query = readSearchParams(await searchParams);
  const canWrite = userCan(user, "entry:write") && Boolean(user.opdId);
  const canVerify = userCan(user, "entry:verify") && Boolean(user.opdId);
  const askedStatus = firstParam(query.status);
  const status = TRAINING_STATUSES.includes(askedStatus as TrainingStatusFilter) ? (askedStatus as TrainingStatusFilter) : undefined;
  const kembali = parseReturnedFilter(firstParam(query.kembali));
  const cursor = keyCursorOf(query);

  const data = await withTenant(user.tenantId, async (tx) => {
    const context = await yearContext(tx, user, query);
    const where = { fiscalYear: context.year, ...programmeWhere(context.scope, context.opdId) };
    const asked = firstParam(query.program);
    const programmes = await cappedProgrammeChoices(
      ({ take, id }) =>
        tx.programme.findMany({
          where: id ? { AND: [where, { id }] } : where,
          select: { id: true, name: true },
          orderBy: [{ name: "asc" }, { id: "asc" }],
          take,
        }),
      { opdChosen: context.scope.kind === "opd" || Boolean(context.opdId), selectedId: asked },
    );
    const programmeId = programmes.choices.some((p) => p.id === asked) ? asked : undefined;
    const today = await cityToday(tx, user.tenantId);
    const filter = { scope: context.scope, year: context.year, opdId: context.opdId, programmeId, status, today, kembali };
    const [page, figures] = await Promise.all([trainingPage(tx, filter, cursor), yearFigures(tx, filter)]);
    return { context, programmes, programmeId, page, figures };
  });
  const { context, page, figures } = data;
  const rows = page.rows;
  // The list's own query, the filters without the page: what every page link keeps.
  const listQuery = { tahun: context.year, opd: context.scope.kind === "city" ? context.opdId : undefined, program: data.programmeId, status, kembali };

  const [t, locale, messages] = await Promise.all([getTranslations("Trainings"), getLocale() as Promise<AppLocale>, getMessages()]);
  const showOpd = context.scope.kind === "city";
  const columns = [
    { label: t("columns.skill") },
    ...(showOpd ? [{ label: t("columns.opd") }] : []),
    { label: t("columns.dates") },
    { label: t("columns.place") },
    { label: t("columns.participants"), numeric: true },
    { label: t("columns.status") },
  ];

  return (
    <NextIntlClientProvider messages={{ Trainings: messages.Trainings, Spreadsheet: messages.Spreadsheet }}>
      <PageHeader
        eyebrow={t("eyebrow", { year: context.year })}
        title={t("title")}
        description={t("description")}
        actions={
          <>
            {userCan(user, "data:export") ? <ExportLinks href={trainingsRoutes.export(slug)} query={yearQuery(context)} /> : null}
            <LinkButton href={trainingsRoutes.followUps(slug)} variant="secondary">
              {t("toFollowUps")}
            </LinkButton>
            {canWrite ? <LinkButton href={trainingsRoutes.create(slug)}>{t("new")}</LinkButton> : null}
          </>
        }
      />
      {context.scope.kind === "opd" && !context.opdId ? (
        <FormNotice>{t("noOpd")}</FormNotice>
      ) : (
        <>
          <ClosedYearNotice year={context.year} currentYear={context.fiscalYears.current} />
          {page.cursorLost ? <FormNotice>{t("cursorLost")}</FormNotice> : null}
          <div className="mb-5">
            <TrainingFilters
              path={trainingsRoutes.list(slug)}
              years={context.years}
              year={context.year}
              opds={context.opds ?? undefined}
              opdId={context.opdId}
              programmes={data.programmes.choices}
              programmesHint={await programmeChoicesHint(data.programmes.cut)}
              programmeId={data.programmeId}
              status={status}
              kept={
                kembali
                  ? [
                      {
                        name: "kembali",
                        value: kembali,
                        label: t(kembali === "1" ? "returnedChip" : "waitingChip"),
                        removeHref: trainingsRoutes.list(slug, { ...listQuery, kembali: undefined }),
                      },
                    ]
                  : []
              }
            />
          </div>
          <TrainingFiguresGrid figures={figures} label={t("figures.label", { year: context.year })} />
          <Card className="mt-6">
            <CardHeader
              id="trainings-list"
              title={t("listTitle", { count: formatNumber(page.total, { locale }) })}
              description={canVerify ? t("listIntroHead") : t("listIntro")}
            />
            <TrainingVerifyTable
              label={t("listLabel")}
              columns={columns}
              empty={t("empty")}
              action={canVerify ? verifyTrainingsAction.bind(null, slug) : undefined}
              rows={rows.map((row) => {
                const dates = `${formatDateShort(row.startDate, { locale })} – ${formatDateShort(row.endDate, { locale })}`;
                return {
                  id: row.id,
                  label: `${row.skill}, ${dates}`,
                  selectable: row.status === "DRAFT",
                  cells: [
                    <span key="skill">
                      <Link href={trainingsRoutes.detail(slug, row.id)} className="font-medium text-brand-800 underline-offset-2 hover:underline">
                        {row.skill}
                      </Link>
                      <span className="block text-xs text-muted">{row.programme.name}</span>
                    </span>,
                    ...(showOpd ? [row.opd.shortName] : []),
                    <span key="dates" className="whitespace-nowrap">
                      {dates}
                    </span>,
                    row.place,
                    <span key="n">
                      {formatNumber(row.verifiedParticipants, { locale })}/{formatNumber(row.capacity, { locale })}
                      {row.pendingParticipants > 0 ? (
                        <span className="block text-xs text-muted">{t("pendingShort", { count: row.pendingParticipants })}</span>
                      ) : null}
                    </span>,
                    <TrainingStatusBadge key="status" status={row.status} cancelled={Boolean(row.cancelledAt)} />,
                  ],
                };
              })}
            />
            <KeyPagination
              label={t("pagination")}
              href={(at) => trainingsRoutes.list(slug, { ...listQuery, ...keyCursorQuery(at) })}
              page={page}
              paged={Boolean((cursor.after || cursor.before) && !page.cursorLost)}
              className="flex flex-wrap items-center justify-between gap-3 border-t border-line px-4 py-4 sm:px-5"
            />
          </Card>
        </>
      )}
    </NextIntlClientProvider>
  );
}
