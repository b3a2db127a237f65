// The URLs of Dana PEM (revolving funds) and its loans: /<city>/dana-pem.
import { withQuery, type Query } from "@/lib/paths";

const base = (slug: string) => `/${slug}/dana-pem`;
const loan = (slug: string, loanId: string) => `${base(slug)}/pinjaman/${encodeURIComponent(loanId)}`;

export const revolvingFundsRoutes = {
  /** The funds of a year; `query`: tahun, pinjaman (a loan narrowing of ./queries.ts LOAN_FILTERS). */
  list: (slug: string, query?: Query) => withQuery(base(slug), query),
  template: (slug: string) => `${base(slug)}/templat`,
  /** A job of the table import, as its page polls (GET) and cancels (POST) it. */
  importTask: (slug: string, taskId: string) => `${base(slug)}/impor/tugas/${encodeURIComponent(taskId)}`,
  /** `query`: tahun, q, anggota (the chosen member). */
  newLoan: (slug: string, query?: Query) => withQuery(`${base(slug)}/pinjaman/baru`, query),
  loan,
  agreement: (slug: string, loanId: string) => `${loan(slug, loanId)}/perjanjian`,
  receipt: (slug: string, loanId: string, repaymentId: string) => `${loan(slug, loanId)}/kuitansi/${encodeURIComponent(repaymentId)}`,
};
