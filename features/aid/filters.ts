// The distribution list's URL parameters. Malformed values are dropped (a wider list), never refused.
import { AidKind, EntryStatus } from "@/lib/generated/prisma/enums";
import { searchParam } from "@/lib/validation/search-params";
import { z } from "@/lib/validation/zod";

const id = z.string().regex(/^[a-z0-9]{8,40}$/i);

export const aidFilterSchema = z.object({
  program: searchParam(id),
  jenis: searchParam(z.enum(AidKind)),
  status: searchParam(z.enum(EntryStatus)),
  /** Of the drafts, "1": those the OPD head sent back to the clerk; "0": those waiting for the head. */
  kembali: searchParam(z.enum(["0", "1"])),
  /** "tanpa": hand-overs (not reversals) without a proof reference. */
  bukti: searchParam(z.literal("tanpa")),
  /** The distribution after which the next page starts. */
  after: searchParam(id),
});

export type AidFilter = z.output<typeof aidFilterSchema>;

export function parseAidFilter(params: Record<string, string | string[] | undefined>): AidFilter {
  return aidFilterSchema.parse(params);
}

/** The URL query of a filter (with the year and, for city-wide readers, the OPD). */
export function aidFilterQuery(filter: AidFilter & { tahun: number; opd?: string | null }, after?: string): string {
  const params = new URLSearchParams({ tahun: String(filter.tahun) });
  if (filter.opd) params.set("opd", filter.opd);
  if (filter.program) params.set("program", filter.program);
  if (filter.jenis) params.set("jenis", filter.jenis);
  if (filter.status) params.set("status", filter.status);
  if (filter.kembali) params.set("kembali", filter.kembali);
  if (filter.bukti) params.set("bukti", filter.bukti);
  if (after) params.set("after", after);
  return params.toString();
}
