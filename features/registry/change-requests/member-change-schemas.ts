// What a kelurahan may propose about one member (died, moved out of the city, moved to
// another family of the city) and about a household's desil or extreme-poverty flag alone,
// with what that change rests on. Each carries the date it happened, checked when proposed
// and when decided alike (change-requests/dates.ts).
import { ChangeBasis, FamilyRelation } from "@/lib/generated/prisma/enums";
import { blankToUndefined, isoDay, reasonText } from "@/lib/forms/fields";
import { z } from "@/lib/validation/zod";
import { wordsMessage } from "@/lib/errors/words-message";

const memberId = z.string().trim().min(1, wordsMessage("Registry.input.memberRequired")).max(40);
/** Who becomes head when the head leaves; required then, refused otherwise. */
const newHeadId = z.preprocess(blankToUndefined, z.string().trim().max(40).optional());
const effectiveDate = isoDay;
const basis = z.enum(ChangeBasis, wordsMessage("Registry.input.basisRequired"));

export const memberDiedSchema = z.object({ memberId, effectiveDate, newHeadId });

export const memberMovedOutSchema = z.object({
  memberId,
  effectiveDate,
  destination: z.string().trim().min(3, wordsMessage("Registry.input.destinationRequired")).max(120),
  newHeadId,
});

export const memberMovedToFamilySchema = z.object({
  memberId,
  effectiveDate,
  targetNoKk: z
    .string()
    .transform((typed) => typed.replace(/[\s.\-']/g, ""))
    .pipe(z.string().regex(/^\d{16}$/, wordsMessage("Registry.input.noKkFormat"))),
  relation: z.enum(FamilyRelation, wordsMessage("Registry.input.targetRelationRequired")),
  newHeadId,
});

export const desilChangedSchema = z.object({
  desil: z.coerce
    .number(wordsMessage("Registry.input.desilRequired"))
    .int()
    .min(1, wordsMessage("Registry.input.desilRange"))
    .max(10, wordsMessage("Registry.input.desilRange")),
  basis,
  effectiveDate,
});

export const extremePovertyChangedSchema = z.object({
  // The form sends "true"/"false"; the stored payload, parsed again when decided, a boolean.
  isExtremePoor: z
    .preprocess(
      (value) => (typeof value === "boolean" ? String(value) : value),
      z.enum(["true", "false"], wordsMessage("Registry.input.extremeChoiceRequired")),
    )
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
