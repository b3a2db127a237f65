// The URLs of the registry, its import, change requests and duplicates: /<city>/registri.
import { withQuery, type Query } from "@/lib/paths";

const base = (slug: string) => `/${slug}/registri`;
const importPage = (slug: string) => `${base(slug)}/impor`;
const subjectAccessPage = (slug: string) => `${base(slug)}/akses-data`;

export const registryRoutes = {
  /** `query` keeps the search and the page. */
  list: (slug: string, query?: Query) => withQuery(base(slug), query),
  household: (slug: string, householdId: string) => `${base(slug)}/${encodeURIComponent(householdId)}`,
  /** `query`: job (the import shown). */
  import: (slug: string, query?: Query) => withQuery(importPage(slug), query),
  importTemplate: (slug: string) => `${importPage(slug)}/templat`,
  /** The upload route handler; `query` names the file. */
  importUpload: (slug: string, query?: Query) => withQuery(`${importPage(slug)}/unggah`, query),
  /** An import's job (check or commit): GET polls it, POST stops it. */
  importTask: (slug: string, taskId: string) => `${importPage(slug)}/tugas/${encodeURIComponent(taskId)}`,
  /** An import's rejected rows, as a download. */
  importRejected: (slug: string, jobId: string) => `${importPage(slug)}/${encodeURIComponent(jobId)}/ditolak`,
  /** Every family a waiting check would change, as a download. */
  importFamilyChanges: (slug: string, jobId: string) => `${importPage(slug)}/${encodeURIComponent(jobId)}/perubahan`,
  /** The registry as .xlsx in the import's columns; `query`: kelurahan. */
  export: (slug: string, query?: Query) => withQuery(`${base(slug)}/ekspor`, query),
  /** `query`: view, after, decided. */
  changeRequests: (slug: string, query?: Query) => withQuery(`${base(slug)}/perubahan`, query),
  /** `query`: view, after, resolved. */
  duplicates: (slug: string, query?: Query) => withQuery(`${base(slug)}/duplikat`, query),
  /** The data-subject access reports served so far. */
  subjectAccessList: (slug: string) => subjectAccessPage(slug),
  /** Everything held about one household and every processing of it, printable. */
  subjectAccess: (slug: string, householdId: string) => `${subjectAccessPage(slug)}/${encodeURIComponent(householdId)}`,
  /** The same report as .xlsx. */
  subjectAccessExport: (slug: string, householdId: string) => `${subjectAccessPage(slug)}/${encodeURIComponent(householdId)}/unduh`,
};

/** `?status=belum-disimpan`: the import page lists only the imports checked but never saved. */
export const WAITING_IMPORTS = { status: "belum-disimpan" } as const;
