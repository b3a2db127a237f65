import { z } from "./zod";

/** A URL search parameter arrives as a string, a list (when repeated) or not at all. */
export type SearchParamValue = string | string[] | undefined;

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
