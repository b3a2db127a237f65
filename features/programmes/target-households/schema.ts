// "Who to reach next" URL parameters. Malformed values are dropped.
import { searchParam } from "@/lib/validation/search-params";
import { z } from "@/lib/validation/zod";

const id = z.string().regex(/^[a-z0-9]{8,40}$/i);

export const targetHouseholdsSchema = z.object({
  kecamatan: searchParam(id),
  kelurahan: searchParam(id),
  /** The household after which the next page starts. */
  after: searchParam(id),
});

export type TargetHouseholdsFilter = z.output<typeof targetHouseholdsSchema>;

export const parseTargetHouseholdsFilter = (params: Record<string, string | string[] | undefined>): TargetHouseholdsFilter =>
  targetHouseholdsSchema.parse(params);

export function targetHouseholdsQuery(filter: TargetHouseholdsFilter, after?: string): string {
  const params = new URLSearchParams();
  if (filter.kecamatan) params.set("kecamatan", filter.kecamatan);
  if (filter.kelurahan) params.set("kelurahan", filter.kelurahan);
  if (after) params.set("after", after);
  return params.toString();
}
