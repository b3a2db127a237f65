import { firstParam, type SearchParams } from "@/lib/validation/search-params";

// Lists paged by key: a page is found from the row it follows (or precedes), named by its id in
// the URL (`setelah` / `sebelum`), never by an offset, so a page costs the same at page 1 and
// page 10 000 and rows written meanwhile neither repeat nor vanish between pages. The total is
// counted alongside, so the list says how many the filter finds, not how many one page shows.

/** One page of a list paged by key. */
export type KeyPage<Row> = {
  rows: Row[];
  /** Every row the filter finds, not only this page. */
  total: number;
  /** Cursor of the next page (the last row's id), or null on the last page. */
  nextAfter: string | null;
  /** Cursor of the previous page (the first row's id), or null on the first page. */
  prevBefore: string | null;
  /** The cursor named a row the filter does not find (changed meanwhile): page 1 is shown. */
  cursorLost: boolean;
};

/** The cursor of a page as asked in the URL: `after` wins when both are given. */
export type KeyCursor = { after?: string; before?: string };

export const KEY_CURSOR_PARAMS = { after: "setelah", before: "sebelum" } as const;

const cursorId = /^[a-z0-9]{1,64}$/i;

/**
 * The names of a list's cursor in the URL: `setelah` and `sebelum`, or, for one of several lists
 * paged on one page, prefixed with the list's name (`akhir` → `akhirSetelah`, `akhirSebelum`).
 */
export function keyCursorParams(list?: string): { after: string; before: string } {
  if (!list) return KEY_CURSOR_PARAMS;
  const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
  return { after: `${list}${capital(KEY_CURSOR_PARAMS.after)}`, before: `${list}${capital(KEY_CURSOR_PARAMS.before)}` };
}

/** The cursor of a URL query (`setelah`, `sebelum`, or a named list's); a malformed id is no cursor. */
export function keyCursorOf(query: SearchParams, list?: string): KeyCursor {
  const names = keyCursorParams(list);
  const after = firstParam(query[names.after]);
  const before = firstParam(query[names.before]);
  if (after && cursorId.test(after)) return { after };
  if (before && cursorId.test(before)) return { before };
  return {};
}

/** The URL query of a cursor, to spread into a list's link. */
export function keyCursorQuery(cursor: KeyCursor): { setelah?: string; sebelum?: string };
/** The URL query of a named list's cursor (see keyCursorParams). */
export function keyCursorQuery(cursor: KeyCursor, list: string): Record<string, string | undefined>;
export function keyCursorQuery(cursor: KeyCursor, list?: string): Record<string, string | undefined> {
  const names = keyCursorParams(list);
  return { [names.after]: cursor.after, [names.before]: cursor.after ? undefined : cursor.before };
}

/**
 * The page from the rows read: `found` holds up to size + 1 rows read in the list's order
 * (or its reverse when going back), the extra row only telling that there is more.
 */
export function keyPageOf<Row extends { id: string }>(
  found: Row[],
  options: { size: number; total: number; backwards: boolean; cursorFound: boolean; cursorAsked: boolean },
): KeyPage<Row> {
  const more = found.length > options.size;
  const rows = more ? found.slice(0, options.size) : [...found];
  if (options.backwards) rows.reverse();
  const hasNext = options.backwards ? options.cursorFound : more;
  const hasPrev = options.backwards ? more : options.cursorFound;
  return {
    rows,
    total: options.total,
    nextAfter: hasNext ? (rows.at(-1)?.id ?? null) : null,
    prevBefore: hasPrev ? (rows[0]?.id ?? null) : null,
    cursorLost: options.cursorAsked && !options.cursorFound,
  };
}
