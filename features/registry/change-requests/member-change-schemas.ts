// What a kelurahan may propose about one member (died, moved out of the city, moved to
// another family of the city) and about a household's desil or extreme-poverty flag alone,
// with what that change rests on. Each carries the date it happened, checked when proposed
// and when decided alike (change-requests/dates.ts).
import { ChangeBasis, FamilyRelation } from "@/lib/generated/prisma/enums";
import { blankToUndefined, isoDay, reasonText } from "@/lib/forms/fields";
import { z } from "@/lib/validation/zod";

const memberId = z.string().trim().min(1, "Pilih anggota keluarga.").max(40);
/** Who becomes head when the head leaves; required then, refused otherwise. */
const newHeadId = z.preprocess(blankToUndefined, z.string().trim().max(40).optional());
const effectiveDate = isoDay;
const basis = z.enum(ChangeBasis, "Pilih dasar perubahan.");

export const memberDiedSchema = z.object({ memberId, effectiveDate, newHeadId });

export const memberMovedOutSchema = z.object({
  memberId,
  effectiveDate,
  destination: z.string().trim().min(3, "Tuliskan tujuan pindah (kabupaten/kota).").max(120),
  newHeadId,
});

export const memberMovedToFamilySchema = z.object({
  memberId,
  effectiveDate,
  targetNoKk: z
    .string()
    .transform((typed) => typed.replace(/[\s.\-']/g, ""))
    .pipe(z.string().regex(/^\d{16}$/, "No. KK terdiri dari 16 digit angka")),
  relation: z.enum(FamilyRelation, "Pilih hubungan dalam keluarga tujuan."),
  newHeadId,
});

export const desilChangedSchema = z.object({
  desil: z.coerce.number("Pilih desil baru.").int().min(1, "Desil 1–10.").max(10, "Desil 1–10."),
  basis,
  effectiveDate,
});

export const extremePovertyChangedSchema = z.object({
  // The form sends "true"/"false"; the stored payload, parsed again when decided, a boolean.
  isExtremePoor: z
    .preprocess((value) => (typeof value === "boolean" ? String(value) : value), z.enum(["true", "false"], "Pilih masuk atau keluar dari kemiskinan ekstrem."))
    .transform((value) => value === "true"),
  basis,
  effectiveDate,
  reason: reasonText,
});

export type MemberDiedInput = z.output<typeof memberDiedSchema>;
export type MemberMovedOutInput = z.output<typeof memberMovedOutSchema>;
export type MemberMovedToFamilyInput = z.output<typeof memberMovedToFamilySchema>;
export type DesilChangedInput = z.output<typeof desilChangedSchema>;
export type ExtremePovertyChangedInput = z.output<typeof extremePovertyChangedSchema>;
