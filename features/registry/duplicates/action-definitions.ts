import { defineAction, type AnyActionDefinition } from "@/lib/actions/define";
import { z } from "@/lib/validation/zod";
import { DUPLICATE_SCAN_TIMEOUT_MS, SCANNED_KINDS, scanDuplicates } from "@/features/registry/duplicates/detect";
import { resolveDuplicate, resolveDuplicateSchema } from "@/features/registry/duplicates/resolve";
import { registryRoutes } from "@/features/registry/routes";

export const scanDuplicatesDefinition = defineAction({
  name: "registry.duplicates.scan",
  permission: "registry:graduate",
  schema: z.object({
    kinds: z.preprocess(
      (value) => (value === undefined ? [] : [value].flat()),
      z.array(z.enum(SCANNED_KINDS)).min(1, "Pilih paling sedikit satu jenis pemeriksaan."),
    ),
  }),
  run: (ctx, input) => scanDuplicates(ctx.tx, ctx.tenantId, input.kinds),
  // Two grouping passes over a city's members: 10–20 s at a million households.
  timeout: DUPLICATE_SCAN_TIMEOUT_MS,
  revalidate: (slug) => [registryRoutes.duplicates(slug)],
  successMessage: "Pemeriksaan selesai.",
});

export const resolveDuplicateDefinition = defineAction({
  name: "registry.duplicates.resolve",
  permission: "registry:graduate",
  schema: resolveDuplicateSchema,
  run: (ctx, input) => resolveDuplicate(ctx, input),
  revalidate: (slug) => [registryRoutes.duplicates(slug), registryRoutes.list(slug)],
  successMessage: "Dugaan data ganda diselesaikan.",
});

export const duplicateActionDefinitions: readonly AnyActionDefinition[] = [scanDuplicatesDefinition, resolveDuplicateDefinition];
