// The URLs of a city's audit log (/<city>/audit) and of its record of processing activities
// (/<city>/audit/pemrosesan-data).
import { withQuery, type Query } from "@/lib/paths";

export const auditRoutes = {
  /** `query` keeps the filters and the page. */
  list: (slug: string, query?: Query) => withQuery(`/${slug}/audit`, query),
  /** The log as a file, with the page's filters in its query. */
  export: (slug: string) => `/${slug}/audit/ekspor`,
  /** What personal data the city holds, why, for whom and how long; its retention setting. */
  processingRecord: (slug: string) => `/${slug}/audit/pemrosesan-data`,
};
