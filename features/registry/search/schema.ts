// The registry search's URL parameters. Everything arrives as text from
// the address bar; anything malformed is dropped rather than refused, so a hand-edited
// URL shows a wider search instead of an error page.
import { HouseholdStatus } from "@/lib/generated/prisma/enums";
import { z } from "@/lib/validation/zod";
import { searchParam } from "@/lib/validation/search-params";

export const REGISTRY_PAGE_SIZE = 50;
/** Results are counted up to this many; beyond it the page says "1.000+". */
export const REGISTRY_COUNT_CAP = 1000;

export const SORTS = ["desil", "kk"] as const;
export type RegistrySort = (typeof SORTS)[number];
/** The order choices as the URL writes them: a sort key, "-desc" for descending. */
export const ORDERS = ["desil", "desil-desc", "kk", "kk-desc"] as const;
export type RegistryOrder = (typeof ORDERS)[number];
export const NAME_MATCHES = ["prefix", "contains"] as const;
export type NameMatch = (typeof NAME_MATCHES)[number];

const id = z.string().regex(/^[a-z0-9]{8,40}$/i);

export const registrySearchSchema = z.object({
  /** A name (a number here is refused: see readTextQuery). */
  q: searchParam(z.string().max(100)),
  match: searchParam(z.enum(NAME_MATCHES)),
  kecamatan: searchParam(id),
  kelurahan: searchParam(id),
  desil: searchParam(z.coerce.number().int().min(1).max(10)),
  /** "1": extreme-poor only; "0": not extreme-poor. */
  extreme: searchParam(z.enum(["1", "0"])),
  status: searchParam(z.enum(HouseholdStatus)),
  sort: searchParam(z.enum(ORDERS)),
  /** The household after which the next page starts. */
  after: searchParam(id),
  /** The household before which the previous page ends. */
  before: searchParam(id),
});

/**
 * The HTML pattern of a GET form's name box: anything with six digits or more is refused
 * by the browser, so a NIK or No. KK typed there never becomes part of a URL.
 */
export const NO_NUMBER_PATTERN = "(?!(?:\\D*\\d){6}).*";

export type RegistrySearchParams = z.output<typeof registrySearchSchema>;

/**
 * What the text box asks for: nothing, a whole number (which a URL must not carry: numbers
 * are looked up by POST, lookup-number.ts), a malformed number or a name.
 */
export type TextQuery =
  | { kind: "none" }
  | { kind: "numberNotHere" }
  | { kind: "badNumber" }
  | { kind: "shortName" }
  | { kind: "name"; text: string; match: NameMatch };

/**
 * Reads the text box of a GET form. A whole number (16 digits, spaces and dots allowed as
 * typed from a card) is not searched from a URL; a partial one is refused, since it would
 * let anyone list the NIKs that begin with it.
 */
export function readTextQuery(q: string | undefined, match: NameMatch | undefined): TextQuery {
  const text = (q ?? "").replace(/\s+/g, " ").trim();
  if (!text) return { kind: "none" };
  if (/^[\d\s.\-']+$/.test(text)) {
    const digits = text.replace(/\D/g, "");
    return /^\d{16}$/.test(digits) ? { kind: "numberNotHere" } : { kind: "badNumber" };
  }
  if (/\d/.test(text) && text.replace(/\D/g, "").length >= 6) return { kind: "badNumber" };
  if (text.length < 2) return { kind: "shortName" };
  return { kind: "name", text, match: match ?? "prefix" };
}

export type RegistryFilter = Omit<RegistrySearchParams, "sort"> & {
  order: RegistryOrder;
  sort: RegistrySort;
  dir: "asc" | "desc";
  text: TextQuery;
};

export function parseRegistrySearchParams(params: Record<string, string | string[] | undefined>): RegistryFilter {
  const parsed = registrySearchSchema.parse(params);
  const order = parsed.sort ?? "desil";
  const text = readTextQuery(parsed.q, parsed.match);
  return {
    ...parsed,
    // A number is not echoed into the form or the paging links built from the filter.
    q: text.kind === "numberNotHere" || text.kind === "badNumber" ? undefined : parsed.q,
    order,
    sort: order.startsWith("kk") ? "kk" : "desil",
    dir: order.endsWith("-desc") ? "desc" : "asc",
    // A page has one cursor; with both, the next page wins.
    before: parsed.after ? undefined : parsed.before,
    text,
  };
}

/** The URL query of a filter, without the cursors unless given. */
export function registrySearchQuery(filter: RegistryFilter, cursor: { after?: string; before?: string } = {}): string {
  const params = new URLSearchParams();
  for (const key of ["q", "match", "kecamatan", "kelurahan", "desil", "extreme", "status"] as const) {
    const value = filter[key];
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  if (filter.order !== "desil") params.set("sort", filter.order);
  if (cursor.after) params.set("after", cursor.after);
  if (cursor.before) params.set("before", cursor.before);
  return params.toString();
}
