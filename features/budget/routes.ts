// The URLs of the budget: /<city>/anggaran.
import { withQuery, type Query } from "@/lib/paths";

const base = (slug: string) => `/${slug}/anggaran`;

export const budgetRoutes = {
  /** `query`: tahun, opd, hampir (NEAR_PAGU_ONLY: only lines at 90 % of their pagu or more), after (the line the page starts after). */
  list: (slug: string, query?: Query) => withQuery(base(slug), query),
  /** A budget line's realisations; `query`: ubah or balik (the entry being edited or reversed). */
  line: (slug: string, budgetLineId: string, query?: Query) => withQuery(`${base(slug)}/${encodeURIComponent(budgetLineId)}`, query),
  export: (slug: string) => `${base(slug)}/ekspor`,
  template: (slug: string) => `${base(slug)}/templat`,
  /** A job of the table import, as its page polls (GET) and cancels (POST) it. */
  importTask: (slug: string, taskId: string) => `${base(slug)}/impor/tugas/${encodeURIComponent(taskId)}`,
};

/** `?hampir=1`: the budget page lists only the lines near their pagu (features/budget/absorption.ts). */
export const NEAR_PAGU_ONLY = { hampir: "1" } as const;
