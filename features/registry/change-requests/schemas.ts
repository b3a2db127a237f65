// What a kelurahan may propose: a new member, an address, a status
// change, a correction of a member's data. The form sends the fields flat; the part
// after householdId, kind and note is stored as the request's payload and parsed again
// with the same schema when the request is decided.
import { addressSchema } from "@/features/registry/household/update-address";
import { memberCorrectionSchema, newMemberSchema } from "@/features/registry/members/member-schema";
import { householdId } from "@/features/registry/schemas";
import { blankToUndefined, reasonText } from "@/lib/forms/fields";
import { statusChangeFields } from "@/features/registry/status/change-status";
import { z } from "@/lib/validation/zod";

export const CHANGE_KINDS = ["NEW_MEMBER", "ADDRESS", "STATUS", "CORRECTION"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

const statusPayloadSchema = z.object(statusChangeFields);

export const changePayloadSchemas = {
  NEW_MEMBER: newMemberSchema,
  ADDRESS: addressSchema,
  STATUS: statusPayloadSchema,
  CORRECTION: memberCorrectionSchema,
} as const;

export type ChangePayload = {
  NEW_MEMBER: z.output<typeof newMemberSchema>;
  ADDRESS: z.output<typeof addressSchema>;
  STATUS: z.output<typeof statusPayloadSchema>;
  CORRECTION: z.output<typeof memberCorrectionSchema>;
};

const common = {
  householdId,
  note: z.preprocess(blankToUndefined, z.string().trim().max(500, "Catatan paling banyak 500 karakter.").optional()),
};

export type ProposedChange = { [K in ChangeKind]: { kind: K; payload: ChangePayload[K] } }[ChangeKind];

/** Parses a stored (or submitted) payload with its kind's schema. */
export function parseChangePayload(kind: ChangeKind, raw: unknown) {
  return (changePayloadSchemas[kind] as z.ZodType<ChangePayload[ChangeKind]>).safeParse(raw);
}

export const proposeChangeSchema = z
  .object({ ...common, kind: z.enum(CHANGE_KINDS, "Pilih jenis perubahan.") })
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
    decision: z.enum(["APPROVE", "REJECT"], "Pilih setujui atau tolak."),
    reason: z.preprocess(blankToUndefined, reasonText.optional()),
  })
  .superRefine((value, ctx) => {
    if (value.decision === "REJECT" && !value.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Tuliskan alasan penolakan." });
    }
  });
export type DecideChangeInput = z.output<typeof decideChangeSchema>;
