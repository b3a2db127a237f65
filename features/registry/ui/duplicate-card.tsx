import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { FormAction } from "@/components/ui/use-action-form";
import { formatDateShort, formatNumber } from "@/lib/format";
import type { DuplicateHousehold, DuplicatePerson, DuplicateView } from "@/features/registry/duplicates/queries";
import { ResolveDuplicateForm } from "./duplicate-forms";
import { registryRoutes } from "@/features/registry/routes";

/** A suspected pair side by side, with the decision or the form to make it. */
export async function DuplicateCard({
  candidate,
  tenantSlug,
  timeZone,
  resolve,
  doneHref,
}: {
  candidate: DuplicateView;
  tenantSlug: string;
  timeZone: string;
  resolve: FormAction<unknown>;
  doneHref?: string;
}) {
  const [t, tr, locale] = await Promise.all([getTranslations("Duplicates"), getTranslations("Registry"), getLocale()]);
  const { pair } = candidate;
  const sides = [
    [t("sideFirst"), pair.first],
    [t("sideSecond"), pair.second],
  ] as const;
  const tone = candidate.status === "MERGED" ? "positive" : candidate.status === "DISMISSED" ? "muted" : "neutral";
  const bothThere = Boolean(pair.first && pair.second);

  const person = (p: DuplicatePerson) => (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
      <dt className="text-muted">{t("fields.name")}</dt>
      <dd className="font-medium text-ink">{p.name}</dd>
      <dt className="text-muted">{t("fields.nik")}</dt>
      <dd className="font-mono">{p.nikMasked}</dd>
      <dt className="text-muted">{t("fields.birthDate")}</dt>
      <dd>{p.birth.date ? formatDateShort(p.birth.date, { locale }) : t("age", { age: p.birth.age })}</dd>
      <dt className="text-muted">{t("fields.household")}</dt>
      <dd>
        <Link href={registryRoutes.household(tenantSlug, p.household.id)} className="text-brand-700 underline-offset-2 hover:underline">
          <span className="font-mono">{p.household.noKkMasked}</span>
        </Link>{" "}
        · {tr(`relation.${p.relation}`)} · {p.household.kelurahan}
      </dd>
      <dt className="text-muted">{t("fields.interventions")}</dt>
      <dd>{formatNumber(p.interventions, { locale })}</dd>
    </dl>
  );
  const household = (h: DuplicateHousehold) => (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
      <dt className="text-muted">{t("fields.head")}</dt>
      <dd className="font-medium text-ink">
        <Link href={registryRoutes.household(tenantSlug, h.id)} className="text-brand-700 underline-offset-2 hover:underline">
          {h.headName ?? "–"}
        </Link>
      </dd>
      <dt className="text-muted">{t("fields.noKk")}</dt>
      <dd className="font-mono">{h.noKkMasked}</dd>
      <dt className="text-muted">{t("fields.address")}</dt>
      <dd>
        {h.address}
        {h.rt || h.rw ? `, ${tr("results.rtRw", { rt: h.rt ?? "–", rw: h.rw ?? "–" })}` : ""} · {h.kelurahan}
      </dd>
      <dt className="text-muted">{t("fields.state")}</dt>
      <dd>
        {h.desil === null ? tr("desilUnknown") : tr("desilValue", { desil: h.desil })}
        {h.isExtremePoor ? ` · ${tr("extreme")}` : ""} · {tr(`status.${h.status}`)}
      </dd>
      <dt className="text-muted">{t("fields.members")}</dt>
      <dd>{formatNumber(h.members, { locale })}</dd>
      <dt className="text-muted">{t("fields.interventions")}</dt>
      <dd>{formatNumber(h.interventions, { locale })}</dd>
    </dl>
  );

  return (
    <article className="rounded-lg border border-line bg-white shadow-xs" aria-labelledby={`dup-${candidate.id}`}>
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-line px-4 py-3 sm:px-5">
        <h3 id={`dup-${candidate.id}`} className="font-semibold text-ink">
          {t(`kinds.${candidate.kind}`)}
        </h3>
        <Badge tone={tone}>{t(`status.${candidate.status}`)}</Badge>
      </header>
      <div className="grid grid-cols-1 gap-4 px-4 py-3 sm:px-5 md:grid-cols-2">
        {sides.map(([label, side]) => (
          <section key={label} aria-label={label} className="rounded-md border border-line bg-paper p-3">
            <p className="mb-1 text-xs font-semibold tracking-wide text-muted uppercase">{label}</p>
            {side === null ? (
              <p className="text-sm text-muted">{t("gone")}</p>
            ) : pair.kind === "person" ? (
              person(side as DuplicatePerson)
            ) : (
              household(side as DuplicateHousehold)
            )}
          </section>
        ))}
      </div>
      <div className="border-t border-line px-4 py-3 sm:px-5">
        {candidate.status === "OPEN" ? (
          <ResolveDuplicateForm action={resolve} candidateId={candidate.id} canMerge={bothThere} doneHref={doneHref} />
        ) : (
          <p className="text-sm text-ink">
            {t(candidate.status === "MERGED" ? "mergedBy" : "dismissedBy", {
              name: candidate.resolvedBy ?? t("unknownUser"),
              date: candidate.resolvedAt ? formatDateShort(candidate.resolvedAt, { locale, timeZone }) : "–",
            })}
            {candidate.note ? <span className="block text-muted">{candidate.note}</span> : null}
          </p>
        )}
      </div>
    </article>
  );
}
