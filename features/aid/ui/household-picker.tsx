import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ExtremeBadge } from "@/features/registry/ui/registry-badges";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { RegistryRow } from "@/features/registry/search/search-households";
import { NO_NUMBER_PATTERN } from "@/features/registry/search/schema";

/**
 * Picks a household from the registry by name, as a plain GET form (works without
 * JavaScript, from the keyboard, and the back button undoes a pick). Generic: the page
 * says where the form goes, which parameters to keep, and how a pick becomes a link.
 * A household is told apart by its head's name, kelurahan, address and size; the No. KK,
 * masked to its last four digits (alike in many families), comes last. Numbers are never
 * searched: the browser refuses one before it reaches the URL, and the registry search
 * ignores one that does.
 */
export async function HouseholdPicker({
  path,
  keep = {},
  q,
  rows,
  searched,
  pickHref,
  idPrefix = "picker",
}: {
  path: string;
  /** Other query parameters the page needs kept while searching. */
  keep?: Record<string, string>;
  q: string;
  rows: readonly RegistryRow[];
  /** A search ran (so "nothing found" is worth saying). */
  searched: boolean;
  pickHref: (householdId: string) => string;
  idPrefix?: string;
}) {
  const t = await getTranslations("Aid.picker");
  return (
    <div className="space-y-3">
      <form method="get" action={path} role="search" aria-label={t("label")} className="flex flex-wrap items-end gap-3">
        {Object.entries(keep).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <Field
          id={`${idPrefix}-q`}
          name="q"
          type="search"
          label={t("q")}
          hint={t("qHint")}
          defaultValue={q}
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          pattern={NO_NUMBER_PATTERN}
          title={t("qNoNumber")}
          className="min-w-0 flex-1 basis-72"
        />
        <Button type="submit" variant="secondary" className="min-h-11">
          {t("search")}
        </Button>
      </form>
      {searched && rows.length === 0 ? <p className="text-sm text-muted">{t("none")}</p> : null}
      {rows.length > 0 ? (
        <ul aria-label={t("results")} className="divide-y divide-line rounded-md border border-line">
          {rows.map((row) => (
            <li key={row.id} className="flex flex-wrap items-center justify-between gap-3 px-3 py-2">
              <div className="min-w-0 text-sm">
                <p className="font-medium text-ink">
                  {row.headName ?? t("noHead")}
                  {row.match ? <span className="font-normal text-muted"> · {row.match.name}</span> : null}
                </p>
                <p className="text-muted">
                  {row.kelurahan} · {row.address} · {t("members", { count: row.memberCount })}
                  {row.desil !== null ? ` · ${t("desil", { desil: row.desil })}` : ""}
                </p>
                <p className="font-mono text-xs text-muted">{t("noKk", { noKk: row.noKkMasked })}</p>
              </div>
              <div className="flex items-center gap-2">
                {row.isExtremePoor ? <ExtremeBadge>{t("extreme")}</ExtremeBadge> : null}
                <Link
                  href={pickHref(row.id)}
                  aria-label={t("pickLabel", { name: row.headName ?? row.noKkMasked })}
                  className="inline-flex min-h-9 items-center rounded-md border border-line bg-white px-3 py-1.5 text-sm font-medium text-brand-800 hover:bg-brand-50"
                >
                  {t("pick")}
                </Link>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
