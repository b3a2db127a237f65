// Changes a household's address, and its kelurahan when it moved within the city (the
// kecamatan follows the kelurahan). From an approved change request.
import type { Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { wordedError } from "@/lib/errors/worded";
import { blankToUndefined } from "@/lib/forms/fields";
import { lockHousehold } from "@/features/registry/household/lock-household";
import type { RegistryScope } from "@/lib/auth/scope";
import { z } from "@/lib/validation/zod";

const rtRw = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, "RT/RW berupa angka, paling banyak 3 digit.")
    .transform((value) => value.padStart(3, "0"))
    .optional(),
);

export const addressSchema = z.object({
  address: z.string().trim().min(5, "Tuliskan alamat lengkap.").max(200),
  rt: rtRw,
  rw: rtRw,
  /** Only when the household moved to another kelurahan of the city. */
  kelurahanId: z.preprocess(blankToUndefined, z.string().trim().max(40).optional()),
});
export type AddressInput = z.output<typeof addressSchema>;

export async function updateAddress(
  tx: Tx,
  householdId: string,
  input: AddressInput,
  options: { tenantId: string; scope: RegistryScope },
): Promise<{ householdId: string }> {
  const household = await lockHousehold(tx, householdId, options);
  if (household.status === "DECEASED") throw wordedError("INVALID", "Registry.errors.householdClosed");
  let area: { kelurahanId: string; kecamatanId: string } | null = null;
  if (input.kelurahanId && input.kelurahanId !== household.kelurahanId) {
    const kelurahan = await tx.area.findFirst({
      where: { id: input.kelurahanId, level: "KELURAHAN" },
      select: { id: true, parentId: true },
    });
    if (!kelurahan?.parentId) throw notFound("Kelurahan");
    area = { kelurahanId: kelurahan.id, kecamatanId: kelurahan.parentId };
  }
  await tx.household.update({
    where: { tenantId_id: { tenantId: options.tenantId, id: household.id } },
    data: { address: input.address, rt: input.rt ?? null, rw: input.rw ?? null, ...(area ?? {}) },
  });
  return { householdId: household.id };
}
