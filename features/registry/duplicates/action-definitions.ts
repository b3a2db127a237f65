import { defineAction, type AnyActionDefinition } from "@/lib/actions/define";
import { z } from "@/lib/validation/zod";
import { startTrackedJob } from "@/lib/jobs/tracked";
import { SCANNED_KINDS } from "@/features/registry/duplicates/detect";
import { duplicateScanRequestJob } from "@/features/registry/duplicates/jobs";
import { resolveDuplicate, resolveDuplicateSchema } from "@/features/registry/duplicates/resolve";
import { registryRoutes } from "@/features/registry/routes";
import { wordsMessage } from "@/lib/errors/words-message";

export const scanDuplicatesDefinition = defineAction({
  name: "registry.duplicates.scan",
  permission: "registry:graduate",
  schema: z.object({
    kinds: z.preprocess(
      (value) => (value === undefined ? [] : [value].flat()),
      z.array(z.enum(SCANNED_KINDS)).min(1, wordsMessage("Registry.input.scanKindRequired")),
    ),
  }),
  // Two grouping passes over a city's members (10–20 s at a million households): a job.
  run: async (ctx, input) => ({
    jobId: await startTrackedJob(ctx.tx, duplicateScanRequestJob, { tenantId: ctx.tenantId, userId: ctx.user.id, input: { kinds: input.kinds } }),
  }),
  revalidate: (slug) => [registryRoutes.duplicates(slug)],
  successMessage: "Success.registry.duplicates.scan",
});

export const resolveDuplicateDefinition = defineAction({
  name: "registry.duplicates.resolve",
  permission: "registry:graduate",
  schema: resolveDuplicateSchema,
  run: (ctx, input) => resolveDuplicate(ctx, input),
  revalidate: (slug) => [registryRoutes.duplicates(slug), registryRoutes.list(slug)],
  successMessage: "Success.registry.duplicates.resolve",
});

export const duplicateActionDefinitions: readonly AnyActionDefinition[] = [scanDuplicatesDefinition, resolveDuplicateDefinition];
