// Name search under row-level security.
//
// The app's database role is subject to row-level security, and PostgreSQL lets only
// "leakproof" operators use an index under it: ILIKE is not one, plain text comparisons
// (>=, <) are. So a prefix search asks the (tenantId, name) index for a range per likely
// casing of the query — as typed, Title Case, UPPER CASE, lower case; with a byte-order
// ("C") collation a range is exactly "starts with". Names in a casing none of these cover
// (e.g. "bAIQ") are missed by a prefix search and found by "contains". "Contains" (and
// prefix under another collation) goes through entas_member_households_named, which runs
// ILIKE as the owner on the trigram index.

/** "  budi   santoso " → "budi santoso". */
export function normaliseNameQuery(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The casings a registry may hold a name in, without repeats. */
export function casingVariants(text: string): string[] {
  const title = text.toLowerCase().replace(/(^|[\s'.-])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase());
  return [...new Set([text, title, text.toUpperCase(), text.toLowerCase()])];
}

/** The least string above every string that starts with `prefix`, in byte order. */
export function prefixUpperBound(prefix: string): string {
  const chars = [...prefix];
  const last = chars.pop();
  if (last === undefined) return "\u{10FFFF}";
  const next = last.codePointAt(0)! + 1;
  // Skip the surrogate range, which no valid text contains.
  return chars.join("") + String.fromCodePoint(next >= 0xd800 && next <= 0xdfff ? 0xe000 : next);
}

/** Escapes LIKE's wildcards so a typed "%" or "_" matches itself. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Whether a name matches the query as the database's ILIKE would (for marking the hit). */
export function nameMatches(name: string, text: string, match: "prefix" | "contains"): boolean {
  const haystack = name.toLocaleLowerCase("id");
  const needle = text.toLocaleLowerCase("id");
  return match === "prefix" ? haystack.startsWith(needle) : haystack.includes(needle);
}

/** Collations in which text sorts by code point, so prefix ranges are exact. */
export function isByteOrderCollation(collation: string | null | undefined): boolean {
  return /^(c|posix|c\.utf-?8|ucs_basic|pg_c_utf8)$/i.test(collation ?? "");
}
