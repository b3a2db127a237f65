import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DesilBadge, ExtremeBadge } from "@/features/registry/ui/registry-badges";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { formatNumber } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import type { ParticipantRow } from "@/features/trainings/queries";
import type { FormAction } from "@/components/ui/use-action-form";
import { CompleteForm, RemoveButton, WithdrawForm } from "./participant-actions";
import { TrainingStatusBadge } from "./training-status-badge";
import { TrainingVerifyTable } from "./verify-table";
import { aidRoutes } from "@/features/aid/routes";
import { registryRoutes } from "@/features/registry/routes";

/**
 * The participants with their numbers masked, completion and certificate; the writer's row
 * actions; the head's verification. The full numbers are on the household page only.
 */
export async function ParticipantsSection({
  slug,
  participants,
  isWriter,
  canVerify,
  verifyHint,
  ended,
  showHousehold,
  actions,
}: {
  slug: string;
  /** The page's server actions, bound to the city. */
  actions: {
    complete: FormAction<{ participantId: string }>;
    withdraw: FormAction<{ participantId: string }>;
    remove: FormAction<{ participantId: string }>;
    verify: FormAction<{ verified: number; alreadyVerified: number }>;
  };
  participants: readonly ParticipantRow[];
  isWriter: boolean;
  canVerify: boolean;
  verifyHint: string | null;
  ended: boolean;
  showHousehold: boolean;
}) {
  const [t, locale] = await Promise.all([getTranslations("Trainings"), getLocale() as Promise<AppLocale>]);
  const columns = [
    { label: t("participants.columns.name") },
    { label: t("participants.columns.noKk") },
    { label: t("participants.columns.priority") },
    { label: t("participants.columns.attendance"), numeric: true },
    { label: t("participants.columns.completion") },
    { label: t("participants.columns.status") },
    ...(isWriter ? [{ label: t("participants.columns.actions") }] : []),
  ];
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
              formatNumber(attended, { locale }),
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
              <TrainingStatusBadge key="status" status={p.status} />,
              ...(isWriter
                ? [
                    <div key="actions" className="flex flex-col items-start gap-1">
                      {p.completion === "ENROLLED" && ended ? <CompleteForm participantId={p.id} name={p.name} action={actions.complete} /> : null}
                      {p.completion === "COMPLETED" ? (
                        <Link
                          href={aidRoutes.create(slug, { rumahTangga: p.householdId, peserta: p.id })}
                          aria-label={t("participants.recordToolKitFor", { name: p.name })}
                          className="text-sm font-medium text-brand-800 underline-offset-2 hover:underline"
                        >
                          {t("participants.recordToolKit")}
                        </Link>
                      ) : null}
                      {p.completion !== "DROPPED" && p.status === "VERIFIED" ? (
                        <WithdrawForm participantId={p.id} name={p.name} action={actions.withdraw} />
                      ) : null}
                      {p.status === "DRAFT" ? <RemoveButton participantId={p.id} name={p.name} action={actions.remove} /> : null}
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
