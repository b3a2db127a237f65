// The URL of a city's audit log: /<city>/audit.
import { withQuery, type Query } from "@/lib/paths";

export const auditRoutes = {
  /** `query` keeps the filters and the page. */
  list: (slug: string, query?: Query) => withQuery(`/${slug}/audit`, query),
};
