import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { AttendanceGrid } from "@/features/trainings/ui/attendance-grid";
import { CandidatePicker } from "@/features/trainings/ui/candidate-picker";
import { OutcomeSummaryGrid } from "@/features/trainings/ui/outcome-summary";
import { ParticipantsSection } from "@/features/trainings/ui/participants-section";
import { ReasonForm } from "@/features/trainings/ui/participant-actions";
import { TrainingStatusBadge } from "@/features/trainings/ui/training-status-badge";
import { EntryHistory } from "@/components/entries/entry-history";
import { ReturnForm } from "@/components/entries/return-form";
import { ReturnedBadge, ReturnedNote } from "@/components/entries/returned-note";
import { entryHistory } from "@/lib/entries/history";
import { tenantTimeZone } from "@/lib/tenant/time-zone";
import { ExportLinks } from "@/components/spreadsheet/export-links";
import { ImportPanel } from "@/components/spreadsheet/import-panel";
import { ActionButton } from "@/components/ui/action-button";
import { LinkButton } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { FormNotice } from "@/components/ui/form-alert";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenantPage } from "@/lib/auth/guard";
import { userCan } from "@/lib/auth/permissions";
import { withTenant } from "@/lib/db";
import { formatDateShort, formatWeekdayShort } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { programmeScope } from "@/lib/auth/scope";
import { dateToDay, dayToDate } from "@/lib/calendar/days";
import { cityToday } from "@/lib/calendar/city-today";
import { trainingDayList } from "@/features/trainings/attendance";
import { findCandidates, onePerHouseholdByDefault } from "@/features/trainings/candidates";
import { getTraining, outcomeSummary, trainingParticipants } from "@/features/trainings/queries";
import { firstParam, readSearchParams } from "@/lib/validation/search-params";
import {
  addParticipantAction,
  cancelTrainingAction,
  completeParticipantAction,
  deleteTrainingAction,
  importParticipantsAction,
  recordAttendanceAction,
  removeParticipantAction,
  resubmitParticipantAction,
  returnParticipantAction,
  verifyParticipantsAction,
  returnTrainingAction,
  verifyTrainingsAction,
  withdrawParticipantAction,
} from "@/features/trainings/actions";
import { readSeats, SEATS_PARAM, trainingsRoutes } from "@/features/trainings/routes";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ tenant: string; trainingId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Trainings");
  return { title: t("title") };
}

export default async function TrainingPage({ params, searchParams }: Props) {
  const { tenant: slug, trainingId } = await params;
  const user = await requireTenantPage(slug, "trainings");
  const query = readSearchParams(await searchParams, ["q"]);
  const q = firstParam(query.q)?.trim() ?? "";
  const seatsAsked = readSeats(firstParam(query[SEATS_PARAM]));

  const data = await withTenant(user.tenantId, async (tx) => {
    const training = await getTraining(tx, programmeScope(user), trainingId);
    if (!training) return null;
    const isWriter = userCan(user, "entry:write") && user.opdId === training.opdId;
    const [participants, today, history, timeZone] = await Promise.all([
      trainingParticipants(tx, training.id),
      cityToday(tx, user.tenantId),
      entryHistory(tx, "Training", training.id),
      tenantTimeZone(tx, user.tenantId),
    ]);
    const open = isWriter && !training.cancelledAt;
    const onePerHousehold = seatsAsked ?? onePerHouseholdByDefault(training.programme.targetUnit);
    const candidates = open ? await findCandidates(tx, { tenantId: user.tenantId, training, q, onePerHousehold }) : null;
    return { training, participants, candidates, onePerHousehold, isWriter, today: dateToDay(today), history, timeZone };
  });
  if (!data) notFound();
  const { training, participants, isWriter, today, history, timeZone } = data;

  const [t, te, locale, messages] = await Promise.all([
    getTranslations("Trainings"),
    getTranslations("Entries"),
    getLocale() as Promise<AppLocale>,
    getMessages(),
  ]);
  const returnedByName = history.findLast((event) => event.kind === "returned")?.userName ?? null;
  const canVerify = userCan(user, "entry:verify") && user.opdId === training.opdId;
  const cancelled = Boolean(training.cancelledAt);
  const isDraft = training.status === "DRAFT";
  const ended = dateToDay(training.endDate) <= today;
  const active = participants.filter((p) => p.completion !== "DROPPED");
  const days = trainingDayList(training.startDate, training.endDate).map((day) => ({
    day,
    label: formatWeekdayShort(dayToDate(day), { locale, timeZone: "UTC" }),
    future: day > today,
  }));
  const present = active.flatMap((p) => p.attendances.filter((a) => a.present).map((a) => `${p.id}|${dateToDay(a.date)}`));
  const path = trainingsRoutes.detail(slug, training.id);
  const returning =
    canVerify && !cancelled ? participants.find((p) => p.id === firstParam(query.kembalikan) && p.status === "DRAFT" && p.completion !== "DROPPED") : undefined;
  const outcomes = outcomeSummary(participants);

  return (
    <NextIntlClientProvider messages={{ Trainings: messages.Trainings, Spreadsheet: messages.Spreadsheet, Entries: messages.Entries }}>
      <Link
        href={trainingsRoutes.list(slug, { tahun: training.programme.fiscalYear })}
        className="mb-3 inline-block text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
      >
        {t("backToList")}
      </Link>
      <PageHeader
        eyebrow={`${training.opd.shortName} · ${training.programme.name}`}
        title={training.skill}
        actions={
          <>
            {isWriter && isDraft ? (
              <>
                <LinkButton href={trainingsRoutes.edit(slug, training.id)} variant="secondary">
                  {t("detail.edit")}
                </LinkButton>
                {participants.length === 0 ? (
                  <ActionButton
                    action={deleteTrainingAction.bind(null, slug)}
                    fields={{ trainingId: training.id }}
                    variant="danger"
                    confirm={t("detail.deleteConfirm")}
                    redirectTo={trainingsRoutes.list(slug)}
                  >
                    {t("detail.delete")}
                  </ActionButton>
                ) : null}
              </>
            ) : null}
            {userCan(user, "data:export") ? <ExportLinks href={trainingsRoutes.export(slug)} query={`pelatihan=${training.id}`} /> : null}
            {canVerify && isDraft ? (
              <ActionButton
                action={verifyTrainingsAction.bind(null, slug)}
                fields={{ ids: training.id }}
                variant="primary"
                pendingLabel={t("verify.verifying")}
              >
                {t("detail.verify")}
              </ActionButton>
            ) : null}
          </>
        }
      />

      {cancelled ? (
        <FormNotice>{t("detail.cancelledNotice", { reason: training.cancelReason ?? "" })}</FormNotice>
      ) : isDraft ? (
        <FormNotice>{canVerify ? t("detail.draftNoticeHead") : t("detail.draftNotice")}</FormNotice>
      ) : null}
      {isDraft && training.returnNote !== null ? (
        <div className="mt-4 rounded-md border border-amber-400 bg-amber-50 px-3 py-2">
          <ReturnedNote entry={{ ...training, returnedByName }} timeZone={timeZone} />
          {isWriter ? <p className="mt-1 text-sm text-amber-950">{te("fixHint")}</p> : null}
        </div>
      ) : null}

      <Card className="mt-4">
        <CardHeader title={t("detail.facts")} />
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 p-4 text-sm sm:grid-cols-2 sm:p-5 lg:grid-cols-5">
          <Fact label={t("detail.dates")}>
            {formatDateShort(training.startDate, { locale })} – {formatDateShort(training.endDate, { locale })}
            <span className="block text-muted">{t("detail.days", { count: days.length })}</span>
          </Fact>
          <Fact label={t("detail.place")}>{training.place}</Fact>
          <Fact label={t("detail.trainer")}>{training.trainer ?? <span className="text-muted">{t("detail.noTrainer")}</span>}</Fact>
          <Fact label={t("detail.capacity")}>{t("detail.capacityValue", { enrolled: active.length, capacity: training.capacity })}</Fact>
          <Fact label={t("detail.status")}>
            <TrainingStatusBadge status={training.status} cancelled={cancelled} /> <ReturnedBadge entry={training} />
          </Fact>
        </dl>
      </Card>

      {canVerify && isDraft && !cancelled ? (
        <Card className="mt-6">
          <CardHeader title={te("return.title")} description={te("return.intro")} />
          <div className="p-4 sm:p-5">
            <ReturnForm action={returnTrainingAction.bind(null, slug)} entryId={training.id} idName="trainingId" doneHref={path} />
          </div>
        </Card>
      ) : null}

      {outcomes.graduates > 0 ? (
        <Card className="mt-6">
          <CardHeader id="outcomes" title={t("outcomeSummary.title")} description={t("outcomeSummary.intro")} />
          <div className="p-4 sm:p-5">
            <OutcomeSummaryGrid summary={outcomes} />
          </div>
        </Card>
      ) : null}

      {returning ? (
        <Card className="mt-6">
          <div id="kembalikan-peserta" className="scroll-mt-4" />
          <CardHeader title={t("participants.returnTitle", { name: returning.name })} description={te("return.intro")} />
          <div className="p-4 sm:p-5">
            <ReturnForm
              action={returnParticipantAction.bind(null, slug)}
              entryId={returning.id}
              idName="participantId"
              doneHref={`${path}#participants`}
              autoFocus
            />
          </div>
        </Card>
      ) : null}

      <ParticipantsSection
        slug={slug}
        path={path}
        participants={participants}
        trainingDays={days.length}
        today={today}
        timeZone={timeZone}
        isWriter={isWriter && !cancelled}
        canReturn={canVerify && !cancelled}
        canVerify={canVerify && !isDraft && !cancelled}
        verifyHint={canVerify && isDraft ? t("participants.verifyTrainingFirst") : null}
        ended={ended}
        showHousehold={userCan(user, "registry:read")}
        actions={{
          complete: completeParticipantAction.bind(null, slug),
          withdraw: withdrawParticipantAction.bind(null, slug),
          remove: removeParticipantAction.bind(null, slug),
          verify: verifyParticipantsAction.bind(null, slug),
          resubmit: resubmitParticipantAction.bind(null, slug),
        }}
      />

      {data.candidates ? (
        <CandidatePicker
          add={addParticipantAction.bind(null, slug)}
          trainingId={training.id}
          path={path}
          q={q}
          result={data.candidates}
          full={active.length >= training.capacity}
          onePerHousehold={data.onePerHousehold}
        />
      ) : null}

      {isWriter && !cancelled ? (
        <Card className="mt-6">
          <CardHeader id="participant-import" title={t("import.title")} description={t("import.intro", { id: training.id })} />
          <div className="p-4 sm:p-5">
            <ImportPanel
              action={importParticipantsAction.bind(null, slug)}
              templateHref={trainingsRoutes.template(slug)}
              idPrefix="participant-import"
              downloadBase="peserta-pelatihan"
            />
          </div>
        </Card>
      ) : null}

      <Card className="mt-6">
        <CardHeader id="attendance" title={t("attendance.title")} description={t("attendance.intro")} />
        <AttendanceGrid
          trainingId={training.id}
          version={training.version}
          participants={active.map((p) => ({ id: p.id, name: p.name }))}
          days={days}
          present={present}
          action={isWriter && !cancelled ? recordAttendanceAction.bind(null, slug) : undefined}
        />
      </Card>

      {isWriter && !isDraft && !cancelled ? (
        <Card className="mt-6">
          <CardHeader title={t("detail.cancelTitle")} description={t("detail.cancelIntro")} />
          <div className="p-4 sm:p-5">
            <ReasonForm
              id="cancel-training"
              fields={{ trainingId: training.id }}
              action={cancelTrainingAction.bind(null, slug)}
              summary={t("detail.cancel")}
              label={t("detail.cancelReason")}
              placeholder={t("detail.cancelPlaceholder")}
              submit={t("detail.cancelConfirm")}
            />
          </div>
        </Card>
      ) : null}

      <Card className="mt-6">
        <div className="p-4 sm:p-5">
          <EntryHistory events={history} timeZone={timeZone} />
        </div>
      </Card>
    </NextIntlClientProvider>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-muted">{label}</dt>
      <dd className="mt-0.5">{children}</dd>
    </div>
  );
}
