import { getLocale, getTranslations } from "next-intl/server";
import { formatDateShort, formatNumber, formatRupiah } from "@/lib/format";
import type { TimelineEntry } from "@/features/registry/household/timeline";
import { cx } from "@/components/ui/class-names";

const KIND_STYLE: Record<string, string> = {
  training: "border-brand-300 bg-brand-50 text-brand-800",
  aid: "border-emerald-300 bg-emerald-50 text-emerald-900",
  insurance: "border-sky-300 bg-sky-50 text-sky-900",
  loan: "border-accent-400 bg-accent-50 text-accent-700",
};

/** Every intervention from every OPD, newest first, as one ordered list. */
export async function HouseholdTimeline({ entries, truncated }: { entries: TimelineEntry[]; truncated: boolean }) {
  const [t, tr, locale] = await Promise.all([getTranslations("Household.timeline"), getTranslations("Registry"), getLocale()]);
  const day = (date: Date) => formatDateShort(date, { locale });

  if (entries.length === 0) return <p className="p-4 text-muted sm:p-5">{t("empty")}</p>;

  return (
    <>
      <ol className="relative m-4 border-l-2 border-line sm:m-5" aria-label={t("label")}>
        {entries.map((entry) => {
          const style = entry.kind === "aid" && entry.aidKind === "INSURANCE_PREMIUM" ? "insurance" : entry.kind;
          return (
            <li key={`${entry.kind}-${entry.id}`} className="relative mb-5 ml-5 last:mb-0">
              <span aria-hidden className="absolute top-1.5 -left-[1.72rem] h-3 w-3 rounded-full border-2 border-white bg-brand-600 ring-2 ring-line" />
              <div className="flex flex-wrap items-center gap-2">
                <time dateTime={entry.date.toISOString().slice(0, 10)} className="text-sm font-semibold tabular-nums text-ink">
                  {day(entry.date)}
                </time>
                <span className={cx("rounded-full border px-2 py-0.5 text-xs font-medium", KIND_STYLE[style])}>{t(`kinds.${style}`)}</span>
                {entry.kind !== "loan" ? (
                  <span className="text-sm text-muted" title={entry.opd.name}>
                    {entry.opd.shortName}
                  </span>
                ) : (
                  <span className="text-sm text-muted">{t("loanFund", { kelurahan: entry.kelurahan, year: entry.fundYear })}</span>
                )}
                {entry.kind === "training" && entry.cancelled ? (
                  <span className="rounded-full border border-line bg-paper px-2 py-0.5 text-xs text-muted">{t("cancelled")}</span>
                ) : null}
                {entry.kind !== "loan" && entry.entryStatus === "DRAFT" ? (
                  <span className="rounded-full border border-line bg-paper px-2 py-0.5 text-xs text-muted">{t("draft")}</span>
                ) : null}
              </div>
              {entry.kind === "training" ? (
                <div className="mt-1 text-sm">
                  <p className="font-medium text-ink">{t("training", { skill: entry.skill })}</p>
                  <p className="text-muted">
                    {t("trainingDetail", {
                      member: entry.memberName,
                      programme: entry.programme,
                      place: entry.place,
                      until: day(entry.endDate),
                      completion: tr(`completion.${entry.completion}`),
                    })}
                  </p>
                  {entry.followUp.latest || entry.followUp.next ? (
                    <p className="text-muted">
                      {entry.followUp.latest ? (
                        <span className="font-medium text-ink">
                          {t("trainingFollowUp", { months: entry.followUp.latest.monthsAfter, outcome: t(`outcomes.${entry.followUp.latest.outcome}`) })}
                        </span>
                      ) : null}
                      {entry.followUp.latest && entry.followUp.next ? " · " : null}
                      {entry.followUp.next
                        ? t("trainingFollowUpNext", { months: entry.followUp.next.monthsAfter, date: day(entry.followUp.next.dueDate) })
                        : null}
                    </p>
                  ) : null}
                </div>
              ) : entry.kind === "aid" ? (
                <div className="mt-1 text-sm">
                  <p className="font-medium text-ink">
                    {entry.isReversal ? `${t("reversal")}: ` : ""}
                    {tr(`aidKind.${entry.aidKind}`)} · {entry.items}
                    {entry.quantity > 1 ? ` (${formatNumber(entry.quantity, { locale })})` : ""}
                  </p>
                  <p className="text-muted">
                    <span className="font-medium tabular-nums text-ink">{formatRupiah(entry.value, { locale })}</span>
                    {" · "}
                    {entry.programme}
                    {entry.memberName ? ` · ${t("forMember", { member: entry.memberName })}` : ""}
                    {entry.partnerName ? ` · ${t("partner", { partner: entry.partnerName })}` : ""}
                  </p>
                </div>
              ) : (
                <div className="mt-1 text-sm">
                  <p className="font-medium text-ink">
                    {t("loan", { business: entry.businessType })} <span className="tabular-nums">{formatRupiah(entry.principal, { locale })}</span>
                  </p>
                  <p className="text-muted">
                    {t("loanDetail", {
                      borrower: entry.borrowerName,
                      round: entry.round,
                      tenor: entry.tenorMonths,
                      status: tr(`loanStatus.${entry.loanStatus}`),
                    })}
                  </p>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {truncated ? <p className="px-4 pb-4 text-sm text-muted sm:px-5">{t("truncated")}</p> : null}
    </>
  );
}

/** Counts and value of the interventions, above the timeline. */
export async function TimelineSummary({ entries }: { entries: TimelineEntry[] }) {
  const [t, locale] = await Promise.all([getTranslations("Household.timeline"), getLocale()]);
  const trainings = entries.filter((e) => e.kind === "training").length;
  const aid = entries.filter((e) => e.kind === "aid");
  const loans = entries.filter((e) => e.kind === "loan");
  const aidValue = aid.reduce((sum, e) => sum + (e.kind === "aid" ? e.value : 0n), 0n);
  const opds = new Set(entries.flatMap((e) => (e.kind === "loan" ? [] : [e.opd.shortName])));
  const items = [
    [t("summary.trainings"), formatNumber(trainings, { locale })],
    [t("summary.aid"), `${formatNumber(aid.length, { locale })} · ${formatRupiah(aidValue, { locale })}`],
    [t("summary.loans"), formatNumber(loans.length, { locale })],
    [t("summary.opds"), formatNumber(opds.size, { locale })],
  ] as const;
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-2 border-b border-line px-4 py-3 text-sm sm:grid-cols-4 sm:px-5">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt className="text-muted">{label}</dt>
          <dd className="font-semibold tabular-nums text-ink">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
