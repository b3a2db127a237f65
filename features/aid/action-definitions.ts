// The aid-distribution server actions.
import { defineAction } from "@/lib/actions/define";
import { createDistribution, deleteDistribution, reverseDistribution, verifyDistributions } from "@/features/aid/distributions";
import { createDistributionSchema, distributionIdSchema, reverseDistributionSchema, verifyDistributionsSchema } from "@/features/aid/schemas";

export const aidPath = (slug: string) => `/${slug}/bantuan`;
export const distributionPath = (slug: string, id: string) => `/${slug}/bantuan/${id}`;

export const createDistributionDefinition = defineAction({
  name: "aid.create",
  permission: "entry:write",
  schema: createDistributionSchema,
  run: (ctx, input) => createDistribution(ctx, input),
  revalidate: (slug) => [aidPath(slug)],
  successMessage: "Penyaluran dicatat sebagai draf. Kepala OPD perlu memverifikasinya.",
});

export const deleteDistributionDefinition = defineAction({
  name: "aid.delete",
  permission: "entry:write",
  schema: distributionIdSchema,
  run: (ctx, input) => deleteDistribution(ctx, input),
  revalidate: (slug) => [aidPath(slug)],
  successMessage: "Draf penyaluran dihapus.",
});

export const reverseDistributionDefinition = defineAction({
  name: "aid.reverse",
  permission: "entry:write",
  schema: reverseDistributionSchema,
  run: (ctx, input) => reverseDistribution(ctx, input),
  revalidate: (slug, result) => [aidPath(slug), distributionPath(slug, result.distributionId)],
  successMessage: "Pembalikan dicatat sebagai draf. Setelah diverifikasi, penyaluran asal tidak lagi dihitung.",
});

export const verifyDistributionsDefinition = defineAction({
  name: "aid.verify",
  permission: "entry:verify",
  schema: verifyDistributionsSchema,
  run: (ctx, input) => verifyDistributions(ctx, input),
  revalidate: (slug) => [aidPath(slug)],
  successMessage: "Penyaluran diverifikasi.",
});
