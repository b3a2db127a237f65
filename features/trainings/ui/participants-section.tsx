import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DesilBadge, ExtremeBadge } from "@/features/registry/ui/registry-badges";
import { ReturnedBadge, ReturnedNote } from "@/components/entries/returned-note";
import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { dateToDay } from "@/lib/calendar/days";
import { formatDateShort, formatNumber } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { withQuery } from "@/lib/paths";
import type { ParticipantRow } from "@/features/trainings/queries";
import type { FormAction } from "@/components/ui/use-action-form";
import { PASS_ATTENDANCE_PERCENT, daysNeededToPass } from "@/features/trainings/completion-rule";
import { CompleteForm, RemoveButton, WithdrawForm } from "./participant-actions";
import { TrainingStatusBadge } from "./training-status-badge";
import { TrainingVerifyTable } from "./verify-table";
import { aidRoutes } from "@/features/aid/routes";
import { registryRoutes } from "@/features/registry/routes";

/**
 * The participants with their numbers masked, attendance against what a pass needs, completion
 * and certificate, where their follow-ups stand; the writer's row actions; the head's
 * verification and return with a note, whose note the clerk reads on the row. The full numbers
 * are on the household page only.
 */
export async function ParticipantsSection({
  slug,
  path,
  participants,
  trainingDays,
  today,
  timeZone,
  isWriter,
  canVerify,
  canReturn,
  verifyHint,
  ended,
  showHousehold,
  actions,
}: {
  slug: string;
  /** The training's page; the head's return form opens on it with ?kembalikan=. */
  path: string;
  /** The page's server actions, bound to the city. */
  actions: {
    complete: FormAction<{ participantId: string }>;
    withdraw: FormAction<{ participantId: string }>;
    remove: FormAction<{ participantId: string }>;
    verify: FormAction<{ verified: number; alreadyVerified: number }>;
    resubmit: FormAction<{ id: string }>;
  };
  participants: readonly ParticipantRow[];
  /** How many days the training has: a pass needs PASS_ATTENDANCE_PERCENT of them. */
  trainingDays: number;
  /** The city's today, "YYYY-MM-DD". */
  today: string;
  timeZone: string;
  isWriter: boolean;
  canVerify: boolean;
  /** The OPD head, who may send a draft participant back with a note. */
  canReturn: boolean;
  verifyHint: string | null;
  ended: boolean;
  showHousehold: boolean;
}) {
  const [t, te, locale] = await Promise.all([getTranslations("Trainings"), getTranslations("Entries"), getLocale() as Promise<AppLocale>]);
  const hasActions = isWriter || canReturn;
  const needed = daysNeededToPass(trainingDays);
  const columns = [
    { label: t("participants.columns.name") },
    { label: t("participants.columns.noKk") },
    { label: t("participants.columns.priority") },
    { label: t("participants.columns.attendance"), numeric: true },
    { label: t("participants.columns.completion") },
    { label: t("participants.columns.followUp") },
    { label: t("participants.columns.status") },
    ...(hasActions ? [{ label: t("participants.columns.actions") }] : []),
  ];
  const day = (date: Date) => formatDateShort(date, { locale, timeZone: "UTC" });
  const followUpCell = (p: ParticipantRow) => {
    const { latest, next } = p.followUp;
    if (!latest && !next) return <span className="text-muted">–</span>;
    return (
      <span className="block min-w-36">
        {latest ? (
          <Badge tone={latest.outcome === "NEITHER" ? "muted" : "positive"}>
            {t("participants.followUpLatest", { outcome: t(`outcomes.${latest.outcome}`), months: latest.monthsAfter })}
          </Badge>
        ) : null}
        {next ? (
          <span className="mt-0.5 block text-xs text-muted">
            {dateToDay(next.dueDate) <= today
              ? t("participants.followUpDue", { months: next.monthsAfter, date: day(next.dueDate) })
              : t("participants.followUpNext", { months: next.monthsAfter, date: day(next.dueDate) })}
          </span>
        ) : null}
      </span>
    );
  };
  const verified = participants.filter((p) => p.status === "VERIFIED" && p.completion !== "DROPPED").length;

  return (
    <Card className="mt-6">
      <CardHeader
        id="participants"
        title={t("participants.title", { count: participants.filter((p) => p.completion !== "DROPPED").length })}
        description={verifyHint ?? t("participants.intro", { verified })}
      />
      <TrainingVerifyTable
        label={t("participants.label")}
        columns={columns}
        empty={t("participants.empty")}
        action={canVerify ? actions.verify : undefined}
        rows={participants.map((p) => {
          const attended = p.attendances.filter((a) => a.present).length;
          const short = attended < needed;
          return {
            id: p.id,
            label: p.name,
            selectable: p.status === "DRAFT" && p.completion !== "DROPPED",
            cells: [
              <span key="name">
                {showHousehold ? (
                  <Link href={registryRoutes.household(slug, p.householdId)} className="font-medium text-brand-800 underline-offset-2 hover:underline">
                    {p.name}
                  </Link>
                ) : (
                  <span className="font-medium">{p.name}</span>
                )}
                <span className="block font-mono text-xs whitespace-nowrap text-muted">{t("participants.nik", { nik: p.nikMasked })}</span>
              </span>,
              <span key="kk" className="font-mono text-xs">
                {p.noKkMasked}
              </span>,
              <span key="priority" className="flex flex-wrap gap-1">
                {p.isExtremePoor ? <ExtremeBadge>{t("picker.extreme")}</ExtremeBadge> : null}
                <DesilBadge desil={p.desil} />
              </span>,
              <span key="attended">
                {formatNumber(attended, { locale })}
                {p.completion === "ENROLLED" ? (
                  <span className="block text-xs whitespace-nowrap text-muted">
                    {t("participants.attendanceNeeded", { needed: formatNumber(needed, { locale }), days: formatNumber(trainingDays, { locale }) })}
                  </span>
                ) : null}
              </span>,
              <span key="completion">
                {p.completion === "COMPLETED" ? (
                  <Badge tone="positive">{t("completion.COMPLETED")}</Badge>
                ) : p.completion === "DROPPED" ? (
                  <Badge tone="muted">{t("completion.DROPPED")}</Badge>
                ) : (
                  <Badge>{t("completion.ENROLLED")}</Badge>
                )}
                {p.certificateNo ? <span className="mt-0.5 block text-xs">{t("participants.certificate", { number: p.certificateNo })}</span> : null}
                {p.dropReason ? <span className="mt-0.5 block max-w-48 text-xs text-muted">{p.dropReason}</span> : null}
              </span>,
              followUpCell(p),
              <span key="status" className="block max-w-56">
                <span className="flex flex-wrap gap-1">
                  <TrainingStatusBadge status={p.status} />
                  <ReturnedBadge entry={p} />
                </span>
                <span className="mt-1 block">
                  <ReturnedNote entry={p} timeZone={timeZone} />
                </span>
              </span>,
              ...(hasActions
                ? [
                    <div key="actions" className="flex flex-col items-start gap-1">
                      {canReturn && p.status === "DRAFT" && p.completion !== "DROPPED" ? (
                        <Link
                          href={`${withQuery(path, { kembalikan: p.id })}#kembalikan-peserta`}
                          aria-label={t("participants.returnFor", { name: p.name })}
                          className="inline-flex min-h-9 items-center text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
                        >
                          {te("return.action")}
                        </Link>
                      ) : null}
                      {isWriter && p.status === "DRAFT" && p.returnNote !== null ? (
                        <ActionButton
                          action={actions.resubmit}
                          fields={{ participantId: p.id }}
                          variant="link"
                          label={t("participants.resubmitFor", { name: p.name })}
                        >
                          {te("resubmit")}
                        </ActionButton>
                      ) : null}
                      {isWriter && p.completion === "ENROLLED" && ended && !short ? (
                        <CompleteForm participantId={p.id} name={p.name} action={actions.complete} />
                      ) : null}
                      {isWriter && p.completion === "ENROLLED" && ended && short ? (
                        <span className="max-w-48 text-xs text-muted">
                          {t("participants.shortToPass", { attended, needed, percent: PASS_ATTENDANCE_PERCENT })}
                        </span>
                      ) : null}
                      {isWriter && p.completion === "COMPLETED" ? (
                        <Link
                          href={aidRoutes.create(slug, { rumahTangga: p.householdId, peserta: p.id })}
                          aria-label={t("participants.recordToolKitFor", { name: p.name })}
                          className="text-sm font-medium text-brand-800 underline-offset-2 hover:underline"
                        >
                          {t("participants.recordToolKit")}
                        </Link>
                      ) : null}
                      {isWriter && p.completion !== "DROPPED" && p.status === "VERIFIED" ? (
                        <WithdrawForm participantId={p.id} name={p.name} action={actions.withdraw} />
                      ) : null}
                      {isWriter && p.status === "DRAFT" ? <RemoveButton participantId={p.id} name={p.name} action={actions.remove} /> : null}
                    </div>,
                  ]
                : []),
            ],
          };
        })}
      />
    </Card>
  );
}
