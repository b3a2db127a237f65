// The URLs of programmes, their budget lines ("pos") and their target households ("sasaran"): /<city>/program.
import { withQuery, type Query } from "@/lib/paths";

const base = (slug: string) => `/${slug}/program`;
const programme = (slug: string, programmeId: string) => `${base(slug)}/${encodeURIComponent(programmeId)}`;

export const programmesRoutes = {
  /** `query`: tahun, opd, tertinggal (BEHIND_ONLY: only programmes behind the calendar), after (the programme the page starts after). */
  list: (slug: string, query?: Query) => withQuery(base(slug), query),
  /** `query`: tahun, opd. */
  create: (slug: string, query?: Query) => withQuery(`${base(slug)}/baru`, query),
  detail: programme,
  edit: (slug: string, programmeId: string) => `${programme(slug, programmeId)}/ubah`,
  budgetLine: (slug: string, programmeId: string, budgetLineId: string) => `${programme(slug, programmeId)}/pos/${encodeURIComponent(budgetLineId)}`,
  /** `query`: kecamatan, kelurahan, after. */
  targetHouseholds: (slug: string, programmeId: string, query?: Query) => withQuery(`${programme(slug, programmeId)}/sasaran`, query),
  targetHouseholdsExport: (slug: string, programmeId: string) => `${programme(slug, programmeId)}/sasaran/ekspor`,
};

/** `?tertinggal=1`: the programme list holds only the programmes behind the calendar (features/budget/absorption.ts). */
export const BEHIND_ONLY = { tertinggal: "1" } as const;
