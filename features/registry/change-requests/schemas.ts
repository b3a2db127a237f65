// What a kelurahan may propose: a new member (born or moved in), an address, a status
// change, a correction of a member's data, and the one-member and desil changes of
// member-change-schemas.ts. The form sends the fields flat; the part
// after householdId, kind and note is stored as the request's payload and parsed again
// with the same schema when the request is decided.
import { addressSchema } from "@/features/registry/household/update-address";
import { memberCorrectionSchema, newMemberSchema } from "@/features/registry/members/member-schema";
import { householdId } from "@/features/registry/schemas";
import { blankToUndefined, reasonText } from "@/lib/forms/fields";
import { statusChangeFields } from "@/features/registry/status/change-status";
import { isoDay } from "@/lib/forms/fields";
import { z } from "@/lib/validation/zod";
import { desilChangedSchema, extremePovertyChangedSchema, memberDiedSchema, memberMovedOutSchema, memberMovedToFamilySchema } from "./member-change-schemas";
import { wordsMessage } from "@/lib/errors/words-message";

export const CHANGE_KINDS = [
  "NEW_MEMBER",
  "ADDRESS",
  "STATUS",
  "CORRECTION",
  "MEMBER_DIED",
  "MEMBER_MOVED_OUT",
  "MEMBER_MOVED_TO_FAMILY",
  "DESIL_CHANGED",
  "EXTREME_POVERTY_CHANGED",
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

const statusPayloadSchema = z.object(statusChangeFields);

export const changePayloadSchemas = {
  NEW_MEMBER: newMemberSchema,
  ADDRESS: addressSchema,
  STATUS: statusPayloadSchema,
  CORRECTION: memberCorrectionSchema,
  MEMBER_DIED: memberDiedSchema,
  MEMBER_MOVED_OUT: memberMovedOutSchema,
  MEMBER_MOVED_TO_FAMILY: memberMovedToFamilySchema,
  DESIL_CHANGED: desilChangedSchema,
  EXTREME_POVERTY_CHANGED: extremePovertyChangedSchema,
} as const;

/** The kinds about one member of the household, named by `memberId`. */
export const MEMBER_LEAVING_KINDS = ["MEMBER_DIED", "MEMBER_MOVED_OUT", "MEMBER_MOVED_TO_FAMILY"] as const;

export type ChangePayload = {
  NEW_MEMBER: z.output<typeof newMemberSchema>;
  ADDRESS: z.output<typeof addressSchema>;
  STATUS: z.output<typeof statusPayloadSchema>;
  CORRECTION: z.output<typeof memberCorrectionSchema>;
  MEMBER_DIED: z.output<typeof memberDiedSchema>;
  MEMBER_MOVED_OUT: z.output<typeof memberMovedOutSchema>;
  MEMBER_MOVED_TO_FAMILY: z.output<typeof memberMovedToFamilySchema>;
  DESIL_CHANGED: z.output<typeof desilChangedSchema>;
  EXTREME_POVERTY_CHANGED: z.output<typeof extremePovertyChangedSchema>;
};

const common = {
  householdId,
  note: z.preprocess(blankToUndefined, z.string().trim().max(500, wordsMessage("Registry.input.changeNoteLong")).optional()),
};

export type ProposedChange = { [K in ChangeKind]: { kind: K; payload: ChangePayload[K] } }[ChangeKind];

/** Parses a stored (or submitted) payload with its kind's schema. */
export function parseChangePayload(kind: ChangeKind, raw: unknown) {
  return (changePayloadSchemas[kind] as z.ZodType<ChangePayload[ChangeKind]>).safeParse(raw);
}

export const proposeChangeSchema = z
  .object({ ...common, kind: z.enum(CHANGE_KINDS, wordsMessage("Registry.input.changeKindRequired")) })
  .loose()
  .transform((value, ctx) => {
    const { householdId: id, kind, note, ...fields } = value;
    const parsed = parseChangePayload(kind, fields);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        ctx.addIssue({ code: "custom", path: issue.path as PropertyKey[], message: issue.message });
      }
      return z.NEVER;
    }
    return { householdId: id, note, change: { kind, payload: parsed.data } as ProposedChange };
  });

export type ProposeChangeInput = z.output<typeof proposeChangeSchema>;

export const decideChangeSchema = z
  .object({
    requestId: z.string().trim().min(1).max(40),
    decision: z.enum(["APPROVE", "REJECT"], wordsMessage("Registry.input.decisionRequired")),
    reason: z.preprocess(blankToUndefined, reasonText.optional()),
    /** The decider's correction of the proposal's date (when it happened, when it takes effect). */
    effectiveDate: z.preprocess(blankToUndefined, isoDay.optional()),
  })
  .superRefine((value, ctx) => {
    if (value.decision === "REJECT" && !value.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: wordsMessage("Registry.input.rejectReasonRequired") });
    }
    if (value.decision === "REJECT" && value.effectiveDate) {
      ctx.addIssue({ code: "custom", path: ["effectiveDate"], message: wordsMessage("Registry.input.dateOnlyOnApprove") });
    }
  });
export type DecideChangeInput = z.output<typeof decideChangeSchema>;
