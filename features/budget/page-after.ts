// A list page shows a page of rows at a time (a city's budget lines made a 3.5 MB
// page). The rows come summed and ordered from the database, as the totals and exports need all
// of them; the page is the rows after the key in the URL, so a line added or removed before it
// moves no other row to the wrong page. An unknown key (the row is gone) starts from the top.
import { z } from "@/lib/validation/zod";
import { firstParam } from "@/lib/validation/search-params";

/** Rows on one page of the budget and programme lists. */
export const LIST_PAGE_SIZE = 50;

export type PageOf<Row> = {
  rows: Row[];
  /** The key of the page's last row when more follow, for the "next" link. */
  nextAfter: string | null;
  isFirstPage: boolean;
  /** The page's first and last row, counted from 1, and how many rows all pages hold. */
  from: number;
  to: number;
  total: number;
};

export function pageAfter<Row extends { id: string }>(rows: readonly Row[], after: string | null, size = LIST_PAGE_SIZE): PageOf<Row> {
  const start = after ? rows.findIndex((row) => row.id === after) + 1 : 0;
  const page = rows.slice(start, start + size);
  const more = start + page.length < rows.length;
  return { rows: page, nextAfter: more ? page.at(-1)!.id : null, isFirstPage: start === 0, from: start + 1, to: start + page.length, total: rows.length };
}

const key = z.string().regex(/^[a-z0-9_-]{1,64}$/i);

/** The `after` key of the URL, or null when missing or malformed. */
export function afterParam(params: Record<string, string | string[] | undefined>): string | null {
  const parsed = key.safeParse(firstParam(params.after));
  return parsed.success ? parsed.data : null;
}
