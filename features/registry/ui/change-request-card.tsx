import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { FormAction } from "@/components/ui/use-action-form";
import { formatDateShort } from "@/lib/format";
import type { ChangeRequestView } from "@/features/registry/change-requests/queries";
import { DecideChangeForm } from "./decide-change-form";
import { registryRoutes } from "@/features/registry/routes";

/** One request: what is proposed, by whom, and its decision (or the form to decide it). */
export async function ChangeRequestCard({
  request,
  tenantSlug,
  timeZone,
  decide,
  doneHref,
  showHousehold = true,
}: {
  request: ChangeRequestView;
  tenantSlug: string;
  timeZone: string;
  decide?: FormAction<unknown>;
  /** Passed to the decision form. */
  doneHref?: string;
  showHousehold?: boolean;
}) {
  const [t, tr, locale] = await Promise.all([getTranslations("ChangeRequests"), getTranslations("Registry"), getLocale()]);
  const day = (date: Date) => formatDateShort(date, { locale });
  const when = (date: Date) => formatDateShort(date, { locale, timeZone });
  const details = changeDetails(request, tr, t, day);
  const tone = request.status === "APPROVED" ? "positive" : request.status === "REJECTED" ? "muted" : "neutral";

  return (
    <article className="rounded-lg border border-line bg-white shadow-xs" aria-labelledby={`cr-${request.id}`}>
      <header className="flex flex-wrap items-start justify-between gap-2 border-b border-line px-4 py-3 sm:px-5">
        <div>
          <h3 id={`cr-${request.id}`} className="font-semibold text-ink">
            {tr(`changeKind.${request.change.kind}`)}
          </h3>
          {showHousehold ? (
            <p className="text-sm text-muted">
              <Link href={registryRoutes.household(tenantSlug, request.household.id)} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                {request.household.headName ?? t("household")}
              </Link>{" "}
              · <span className="font-mono">{request.household.noKkMasked}</span> · {request.household.kelurahan}
            </p>
          ) : null}
        </div>
        <Badge tone={tone}>{tr(`decision.${request.status}`)}</Badge>
      </header>
      <div className="grid grid-cols-1 gap-4 px-4 py-3 sm:px-5 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div>
          {details.length ? (
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              {details.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-muted">{label}</dt>
                  <dd className="text-ink">{value}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="text-sm text-muted">{t("unreadable")}</p>
          )}
          {request.note ? (
            <p className="mt-2 text-sm">
              <span className="text-muted">{t("note")}: </span>
              {request.note}
            </p>
          ) : null}
          <p className="mt-2 text-xs text-muted">{t("proposed", { name: request.proposedBy ?? t("unknownUser"), date: when(request.createdAt) })}</p>
        </div>
        <div className="text-sm">
          {request.status === "PENDING" ? (
            decide ? (
              <DecideChangeForm action={decide} requestId={request.id} doneHref={doneHref} dated={datedAs(request)} />
            ) : (
              <p className="text-muted">{t("waiting")}</p>
            )
          ) : (
            <>
              <p className="text-ink">
                {t(request.status === "APPROVED" ? "approvedBy" : "rejectedBy", {
                  name: request.decidedBy ?? t("unknownUser"),
                  date: request.decidedAt ? when(request.decidedAt) : "–",
                })}
              </p>
              {request.decisionReason ? <p className="mt-1 text-muted">{request.decisionReason}</p> : null}
            </>
          )}
        </div>
      </div>
    </article>
  );
}

function datedAs(request: ChangeRequestView): string | undefined {
  const date = (request.change.payload as { effectiveDate?: unknown } | null)?.effectiveDate;
  return typeof date === "string" ? date : undefined;
}

type Translate = Awaited<ReturnType<typeof getTranslations<"Registry">>>;
type TranslateCr = Awaited<ReturnType<typeof getTranslations<"ChangeRequests">>>;

function changeDetails(request: ChangeRequestView, tr: Translate, t: TranslateCr, day: (date: Date) => string): [string, ReactNode][] {
  const change = request.change;
  if (!change.payload) return [];
  const date = (value: string) => day(new Date(`${value}T00:00:00Z`));
  const rows: [string, ReactNode | undefined | null][] = [];
  switch (change.kind) {
    case "NEW_MEMBER": {
      const p = change.payload as Extract<ChangeRequestView["change"], { kind: "NEW_MEMBER" }>["payload"];
      rows.push(
        [t("fields.name"), p.name],
        [
          t("fields.nik"),
          <span key="nik" className="font-mono">
            {p.nikMasked}
          </span>,
        ],
        [t("fields.sex"), tr(`sex.${p.sex}`)],
        [t("fields.birth"), p.birth?.date ? `${p.birthPlace ? `${p.birthPlace}, ` : ""}${day(p.birth.date)}` : p.birth ? t("age", { age: p.birth.age }) : null],
        [t("fields.relation"), tr(`relation.${p.relation}`)],
        [t("fields.education"), p.education ? tr(`education.${p.education}`) : null],
        [t("fields.occupation"), p.occupation],
        [t("fields.disability"), p.disability ? tr(`disability.${p.disability}`) : null],
      );
      break;
    }
    case "ADDRESS": {
      const p = change.payload as Extract<ChangeRequestView["change"], { kind: "ADDRESS" }>["payload"];
      rows.push(
        [t("fields.address"), p.address],
        [t("fields.rtRw"), p.rt || p.rw ? `${p.rt ?? "–"} / ${p.rw ?? "–"}` : null],
        [t("fields.kelurahan"), p.kelurahanName],
      );
      break;
    }
    case "STATUS": {
      const p = change.payload as Extract<ChangeRequestView["change"], { kind: "STATUS" }>["payload"];
      rows.push(
        [t("fields.transition"), tr(`transition.${p.transition}`)],
        [t("fields.effectiveDate"), date(p.effectiveDate)],
        [t("fields.reason"), p.reason],
        [t("fields.desil"), p.desil !== undefined ? tr("desilValue", { desil: p.desil }) : null],
      );
      break;
    }
    case "CORRECTION": {
      const p = change.payload as Extract<ChangeRequestView["change"], { kind: "CORRECTION" }>["payload"];
      rows.push(
        [t("fields.member"), p.memberName ?? t("memberGone")],
        [t("fields.name"), p.name],
        [
          t("fields.nik"),
          p.nikMasked ? (
            <span key="nik" className="font-mono">
              {p.nikMasked}
            </span>
          ) : null,
        ],
        [t("fields.sex"), p.sex ? tr(`sex.${p.sex}`) : null],
        [t("fields.birthDate"), p.birth?.date ? day(p.birth.date) : p.birth ? t("age", { age: p.birth.age }) : null],
        [t("fields.birthPlace"), p.birthPlace],
        [t("fields.relation"), p.relation ? tr(`relation.${p.relation}`) : null],
        [t("fields.education"), p.education ? tr(`education.${p.education}`) : null],
        [t("fields.occupation"), p.occupation],
        [t("fields.disability"), p.disability ? tr(`disability.${p.disability}`) : null],
      );
      break;
    }
    case "MEMBER_DIED":
    case "MEMBER_MOVED_OUT":
    case "MEMBER_MOVED_TO_FAMILY": {
      type Leaving = Extract<ChangeRequestView["change"], { kind: "MEMBER_DIED" | "MEMBER_MOVED_OUT" | "MEMBER_MOVED_TO_FAMILY" }>["payload"];
      const p = change.payload as Leaving & { destination?: string; targetNoKkMasked?: string; relation?: string };
      rows.push(
        [t("fields.member"), p.memberName ?? t("memberGone")],
        [t(change.kind === "MEMBER_DIED" ? "fields.diedOn" : "fields.movedOn"), date(p.effectiveDate)],
        [t("fields.destination"), p.destination],
        [
          t("fields.targetNoKk"),
          p.targetNoKkMasked ? (
            <span key="kk" className="font-mono">
              {p.targetNoKkMasked}
            </span>
          ) : null,
        ],
        [t("fields.relationThere"), p.relation ? tr(`relation.${p.relation as "CHILD"}`) : null],
        [t("fields.newHead"), p.newHeadName],
      );
      break;
    }
    case "DESIL_CHANGED": {
      const p = change.payload as Extract<ChangeRequestView["change"], { kind: "DESIL_CHANGED" }>["payload"];
      rows.push(
        [t("fields.desil"), tr("desilValue", { desil: p.desil })],
        [t("fields.basis"), tr(`changeBasis.${p.basis}`)],
        [t("fields.effectiveDate"), date(p.effectiveDate)],
      );
      break;
    }
    case "EXTREME_POVERTY_CHANGED": {
      const p = change.payload as Extract<ChangeRequestView["change"], { kind: "EXTREME_POVERTY_CHANGED" }>["payload"];
      rows.push(
        [t("fields.transition"), tr(`transition.${p.isExtremePoor ? "ENTER_EXTREME" : "EXIT_EXTREME"}`)],
        [t("fields.basis"), tr(`changeBasis.${p.basis}`)],
        [t("fields.effectiveDate"), date(p.effectiveDate)],
        [t("fields.reason"), p.reason],
      );
      break;
    }
  }
  return rows.filter((row): row is [string, ReactNode] => row[1] !== undefined && row[1] !== null && row[1] !== "");
}
