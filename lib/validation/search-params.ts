import { hasBadBytes, stripBadBytes } from "./bad-bytes";
import { z } from "./zod";

/** A URL search parameter arrives as a string, a list (when repeated) or not at all. */
export type SearchParamValue = string | string[] | undefined;

export type SearchParams = Record<string, SearchParamValue>;

/**
 * A page's search parameters as every page reads them, before its own parser: a value holding
 * NUL or a lone surrogate (which PostgreSQL cannot compare) is dropped, as any malformed filter
 * is ("no filter"), except in the free-text parameters named in `text` (a search box), which
 * lose those characters and keep the rest.
 */
export function readSearchParams(raw: SearchParams, text: readonly string[] = []): SearchParams {
  const clean: SearchParams = {};
  for (const [key, value] of Object.entries(raw)) {
    if (hasBadBytes(key) || value === undefined) continue;
    const values = (Array.isArray(value) ? value : [value]).flatMap((one) => (!hasBadBytes(one) ? [one] : text.includes(key) ? [stripBadBytes(one)] : []));
    if (values.length > 0) clean[key] = Array.isArray(value) ? values : values[0];
  }
  return clean;
}

/** The first value of a search parameter. */
export function firstParam(value: SearchParamValue): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A search parameter parsed with `schema`; missing, "" or malformed means "no filter". */
export function searchParam<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => {
    const first = firstParam(value as SearchParamValue);
    return typeof first === "string" && first.trim() !== "" ? first.trim() : undefined;
  }, schema.optional().catch(undefined));
}
