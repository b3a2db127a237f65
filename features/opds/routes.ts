// The URLs of a city's OPDs: /<city>/opd.
import { withQuery, type Query } from "@/lib/paths";

const base = (slug: string) => `/${slug}/opd`;

export const opdsRoutes = {
  /** `query`: tanpaKepala (WITHOUT_HEAD_ONLY: active OPDs without an active head). */
  list: (slug: string, query?: Query) => withQuery(base(slug), query),
  detail: (slug: string, opdId: string) => `${base(slug)}/${encodeURIComponent(opdId)}`,
};

/** `?tanpaKepala=1`: the OPD list holds only active OPDs without an active head. */
export const WITHOUT_HEAD_ONLY = { tanpaKepala: "1" } as const;
