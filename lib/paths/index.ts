// Joining a path and its query. The paths themselves come from each feature's routes.ts,
// the one place its Indonesian URL segments are written; nothing else writes a segment.

/**
 * A query as callers hold it: text already encoded ("tahun=2026&opd=…"), URLSearchParams,
 * or a record (in key order; undefined and null entries are left out, "" is kept).
 */
export type Query = string | URLSearchParams | Readonly<Record<string, string | number | null | undefined>>;

export function queryString(query: Query | undefined): string {
  if (query === undefined) return "";
  if (typeof query === "string") return query;
  if (query instanceof URLSearchParams) return query.toString();
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.set(key, String(value));
  }
  return params.toString();
}

/** `path?query`, or `path` alone when the query is empty. */
export function withQuery(path: string, query?: Query): string {
  const text = queryString(query);
  return text ? `${path}?${text}` : path;
}
