import Link from "next/link";
import { getTranslations } from "next-intl/server";

/**
 * A narrowing a list was opened with (from a home task: "loans in arrears", "returned to the
 * clerk") that its year / OPD form has no field for. Inside the form it rides along as a hidden
 * field, so changing the year or OPD keeps it; beside the fields it shows as a chip
 * "Filter: … ×" whose × removes only it.
 */
export type KeptFilter = {
  /** The URL parameter and its value (`pinjaman=menunggak`). */
  name: string;
  value: string;
  /** What it keeps, in the user's language. */
  label: string;
  /** The list as it is, without this narrowing (and without a page cursor). */
  removeHref: string;
};

/** The kept narrowings of a GET form: hidden fields (when inside a form) and a removable chip each. */
export async function KeptFilters({ filters, inForm = true }: { filters: readonly KeptFilter[]; inForm?: boolean }) {
  if (filters.length === 0) return null;
  const t = await getTranslations("Lists.keptFilter");
  return (
    <>
      {inForm ? filters.map((filter) => <input key={filter.name} type="hidden" name={filter.name} value={filter.value} />) : null}
      <ul aria-label={t("label")} className="flex basis-full flex-wrap gap-2">
        {filters.map((filter) => (
          <li key={filter.name} data-kept-filter={filter.name}>
            <span className="inline-flex min-h-9 max-w-full items-center gap-1 rounded-full border border-brand-200 bg-brand-50 py-1 pr-1 pl-3 text-sm text-brand-900">
              <span>{t("chip", { label: filter.label })}</span>
              <Link
                href={filter.removeHref}
                aria-label={t("remove", { label: filter.label })}
                title={t("remove", { label: filter.label })}
                className="inline-flex size-7 shrink-0 items-center justify-center rounded-full text-base leading-none text-brand-800 hover:bg-brand-100 focus-visible:outline-2 focus-visible:outline-brand-700"
              >
                <span aria-hidden="true">×</span>
              </Link>
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The kept narrowings as a query, for links that change the year (as a form would). */
export function keptQuery(filters: readonly KeptFilter[]): Record<string, string> {
  return Object.fromEntries(filters.map((filter) => [filter.name, filter.value]));
}

/** A narrowing's one-parameter query (`{ hampir: "1" }`) as the name and value of a kept filter. */
export function keptParam(query: Readonly<Record<string, string>>): Pick<KeptFilter, "name" | "value"> {
  const [entry] = Object.entries(query);
  if (!entry || Object.keys(query).length !== 1) throw new Error("a kept filter is one parameter");
  return { name: entry[0], value: entry[1] };
}
