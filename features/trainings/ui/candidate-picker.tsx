import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DesilBadge, ExtremeBadge } from "@/features/registry/ui/registry-badges";
import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { cx } from "@/components/ui/class-names";
import { Field } from "@/components/ui/field";
import { FormNotice } from "@/components/ui/form-alert";
import type { CandidateSearch } from "@/features/trainings/candidates";
import { NO_NUMBER_PATTERN } from "@/features/registry/search/schema";
import type { FormAction } from "@/components/ui/use-action-form";
import { SEATS, SEATS_PARAM } from "@/features/trainings/routes";
import { withQuery } from "@/lib/paths";

/**
 * People to add, best first: extreme-poor, then by desil, then those not yet reached this
 * year. Each row says who the person is — name, relation to the head, age, kelurahan — so
 * that the masked numbers, alike for many people, are never what tells them apart. The
 * search (by name) and the seats option are GET links and forms, so the list survives a
 * reload; numbers are refused by the browser before they reach the URL, and by the server.
 */
export async function CandidatePicker({
  add,
  trainingId,
  path,
  q,
  result,
  full,
  onePerHousehold,
}: {
  /** The add-participant server action, bound to the city. */
  add: FormAction<{ participantId: string }>;
  trainingId: string;
  path: string;
  q: string;
  result: CandidateSearch;
  full: boolean;
  /** The list shows one member per family (the programme's default or the clerk's choice). */
  onePerHousehold: boolean;
}) {
  const [t, tr] = await Promise.all([getTranslations("Trainings.picker"), getTranslations("Registry")]);
  const seats = onePerHousehold ? SEATS.onePerHousehold : SEATS.everyMember;
  const seatOptions = [
    { value: SEATS.onePerHousehold, label: t("seats.onePerHousehold"), on: onePerHousehold },
    { value: SEATS.everyMember, label: t("seats.everyMember"), on: !onePerHousehold },
  ];
  const rows = result.kind === "list" ? result.rows : [];
  return (
    <Card className="mt-6">
      <CardHeader id="picker" title={t("title")} description={t("intro")} />
      <div className="space-y-3 p-4 sm:p-5">
        <form method="get" action={`${path}#picker`} role="search" aria-label={t("searchLabel")} className="flex flex-wrap items-end gap-3">
          <input type="hidden" name={SEATS_PARAM} value={seats} />
          <Field
            id="picker-q"
            name="q"
            label={t("search")}
            hint={t("searchHint")}
            defaultValue={q}
            autoComplete="off"
            pattern={NO_NUMBER_PATTERN}
            title={t("numberNotHere")}
            className="w-80 max-w-full"
          />
          <Button type="submit" variant="secondary" className="min-h-11">
            {t("find")}
          </Button>
          {q ? (
            <Link
              href={`${withQuery(path, { [SEATS_PARAM]: seats })}#picker`}
              className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
            >
              {t("clear")}
            </Link>
          ) : null}
        </form>
        <nav aria-label={t("seats.label")} className="space-y-1">
          <p className="text-sm font-medium text-ink">{t("seats.label")}</p>
          <ul className="flex flex-wrap gap-2">
            {seatOptions.map((option) => (
              <li key={option.value}>
                <Link
                  href={`${withQuery(path, { q: q || undefined, [SEATS_PARAM]: option.value })}#picker`}
                  aria-current={option.on ? "true" : undefined}
                  className={cx(
                    "inline-flex min-h-9 items-center rounded-full border px-3 text-sm font-medium",
                    option.on ? "border-brand-700 bg-brand-700 text-white" : "border-line bg-white text-brand-800 hover:bg-brand-50",
                  )}
                >
                  {option.label}
                </Link>
              </li>
            ))}
          </ul>
          <p className="text-sm text-muted">{onePerHousehold ? t("seats.onePerHouseholdHint") : t("seats.everyMemberHint")}</p>
        </nav>
        {full ? <FormNotice>{t("full")}</FormNotice> : null}
        {result.kind === "badNumber" ? <FormNotice>{t("badNumber")}</FormNotice> : null}
        {result.kind === "shortName" ? <FormNotice>{t("shortName")}</FormNotice> : null}
        {result.kind === "numberNotHere" ? <FormNotice>{t("numberNotHere")}</FormNotice> : null}
        {result.kind === "list" && rows.length === 0 ? <p className="text-muted">{t("none")}</p> : null}
      </div>
      {rows.length > 0 && !full ? (
        <ul aria-label={t("label")} className="divide-y divide-line border-t border-line">
          {rows.map((row, index) => {
            const sameFamily = index > 0 && rows[index - 1]?.householdId === row.householdId;
            return (
              <li
                key={row.memberId}
                className={cx("flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-5", sameFamily && "border-l-4 border-l-brand-200")}
              >
                <div className="min-w-0 flex-1 basis-64 space-y-1 text-sm">
                  <p className="text-ink">
                    <span className="font-semibold">{row.name}</span>
                    <span className="text-muted">
                      {" · "}
                      {tr(`relation.${row.relation}`)} · {t("age", { age: row.age })}
                    </span>
                  </p>
                  <p className="flex flex-wrap items-center gap-1.5 text-muted">
                    <span>{row.kelurahan}</span>
                    {row.isExtremePoor ? <ExtremeBadge>{t("extreme")}</ExtremeBadge> : null}
                    <DesilBadge desil={row.desil} />
                    {row.reached ? <Badge tone="muted">{t("reached")}</Badge> : <Badge>{t("notReached")}</Badge>}
                    {sameFamily ? <Badge tone="muted">{t("sameFamily")}</Badge> : null}
                  </p>
                  <p className="font-mono text-xs text-muted">{t("numbers", { nik: row.nikMasked, noKk: row.noKkMasked })}</p>
                </div>
                <ActionButton action={add} fields={{ trainingId, memberId: row.memberId }} size="small" label={t("addLabel", { name: row.name })}>
                  {t("add")}
                </ActionButton>
              </li>
            );
          })}
        </ul>
      ) : null}
    </Card>
  );
}
