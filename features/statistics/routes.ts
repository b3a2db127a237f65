// The URLs of the statistics dashboard: /<city>/dasbor/statistik.
import { withQuery, type Query } from "@/lib/paths";

const base = (slug: string) => `/${slug}/dasbor/statistik`;

export const statisticsRoutes = {
  /** `query`: tahun, kecamatan, ubah (the figure being edited). */
  dashboard: (slug: string, query?: Query) => withQuery(base(slug), query),
  export: (slug: string) => `${base(slug)}/ekspor`,
  template: (slug: string) => `${base(slug)}/templat`,
  /** A job of the table import, as its page polls (GET) and cancels (POST) it. */
  importTask: (slug: string, taskId: string) => `${base(slug)}/impor/tugas/${encodeURIComponent(taskId)}`,
};
