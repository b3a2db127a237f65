// The URLs of trainings and their follow-ups: /<city>/pelatihan.
import { withQuery, type Query } from "@/lib/paths";

const base = (slug: string) => `/${slug}/pelatihan`;
const training = (slug: string, trainingId: string) => `${base(slug)}/${encodeURIComponent(trainingId)}`;

export const trainingsRoutes = {
  /** `query`: tahun, opd, program. */
  list: (slug: string, query?: Query) => withQuery(base(slug), query),
  create: (slug: string) => `${base(slug)}/baru`,
  detail: training,
  edit: (slug: string, trainingId: string) => `${training(slug, trainingId)}/ubah`,
  /** `query`: status, opd, pelatihan, bulan, setelah, sebelum (features/trainings/follow-up-list.ts). */
  followUps: (slug: string, query?: Query) => withQuery(`${base(slug)}/tindak-lanjut`, query),
  export: (slug: string) => `${base(slug)}/ekspor`,
  template: (slug: string) => `${base(slug)}/templat`,
  /** A job of the table import, as its page polls (GET) and cancels (POST) it. */
  importTask: (slug: string, taskId: string) => `${base(slug)}/impor/tugas/${encodeURIComponent(taskId)}`,
};

/** The participant picker's parameter "members per family" and its two values (`?anggota=satu`). */
export const SEATS_PARAM = "anggota";
export const SEATS = { onePerHousehold: "satu", everyMember: "semua" } as const;

/** One seat per family as a URL asks (true/false), or undefined for the programme's default. */
export function readSeats(value: string | undefined): boolean | undefined {
  if (value === SEATS.onePerHousehold) return true;
  if (value === SEATS.everyMember) return false;
  return undefined;
}
