// The URLs of aid distributions: /<city>/bantuan.
import { withQuery, type Query } from "@/lib/paths";

const base = (slug: string) => `/${slug}/bantuan`;

export const aidRoutes = {
  /** `query` keeps the filters: tahun, opd, program, jenis, status, after. */
  list: (slug: string, query?: Query) => withQuery(base(slug), query),
  /** `query`: q (the household search), rumahTangga (the chosen household), peserta (a training participant). */
  create: (slug: string, query?: Query) => withQuery(`${base(slug)}/baru`, query),
  /** BPJS Ketenagakerjaan cover: ending this month and covered twice. `query`: each list's cursor (akhirSetelah / akhirSebelum, gandaSetelah / gandaSebelum). */
  bpjs: (slug: string, query?: Query) => withQuery(`${base(slug)}/bpjs`, query),
  /** `query`: ubah (1: the draft's edit form, the creation form filled in). */
  detail: (slug: string, distributionId: string, query?: Query) => withQuery(`${base(slug)}/${encodeURIComponent(distributionId)}`, query),
  export: (slug: string) => `${base(slug)}/ekspor`,
  template: (slug: string) => `${base(slug)}/templat`,
  /** A job of the table import, as its page polls (GET) and cancels (POST) it. */
  importTask: (slug: string, taskId: string) => `${base(slug)}/impor/tugas/${encodeURIComponent(taskId)}`,
};
