// A member's fields as a form or a change request sends them, with the NIK rules of
// lib/registry/nik.ts. The NIK's region is not checked against the city: a NIK is for
// life, so people who moved in keep the one their birthplace issued.
import { Disability, Education, FamilyRelation, Sex } from "@/lib/generated/prisma/enums";
import { nikMatchesBirthDate, parseNik } from "@/lib/identity/nik";
import { birthDateField } from "@/lib/identity/birth-date";
import { blankToUndefined } from "@/lib/forms/fields";
import { wordsMessage } from "@/lib/errors/words-message";
import { z } from "@/lib/validation/zod";

const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());

export const nikField = z
  .string()
  .transform((value) => value.replace(/[\s.'-]/g, ""))
  .superRefine((value, ctx) => {
    const parsed = parseNik(value);
    if (!parsed.ok) ctx.addIssue({ code: "custom", message: wordsMessage(parsed.key) });
  });

export const memberFields = {
  nik: nikField,
  name: z.string().trim().min(2, wordsMessage("Registry.input.fullNameRequired")).max(120),
  sex: z.enum(Sex, wordsMessage("Registry.input.sexRequired")),
  birthPlace: optionalText(80),
  birthDate: birthDateField,
  relation: z.enum(FamilyRelation, wordsMessage("Registry.input.relationRequired")),
  education: z.preprocess(blankToUndefined, z.enum(Education).optional()),
  occupation: optionalText(80),
  disability: z.preprocess(blankToUndefined, z.enum(Disability).optional()),
};

export const newMemberSchema = z.object(memberFields).superRefine((member, ctx) => {
  if (!parseNik(member.nik).ok) return;
  if (!nikMatchesBirthDate(member.nik, new Date(`${member.birthDate}T00:00:00Z`), member.sex)) {
    ctx.addIssue({ code: "custom", path: ["birthDate"], message: wordsMessage("Registry.errors.nikBirthDateMismatchField") });
  }
});
export type NewMemberInput = z.output<typeof newMemberSchema>;

/** A correction names the member and only the fields that change (at least one). */
export const memberCorrectionSchema = z
  .object({
    memberId: z.string().trim().min(1, wordsMessage("Registry.input.memberRequired")).max(40),
    nik: z.preprocess(blankToUndefined, nikField.optional()),
    name: z.preprocess(blankToUndefined, memberFields.name.optional()),
    sex: z.preprocess(blankToUndefined, memberFields.sex.optional()),
    birthPlace: memberFields.birthPlace,
    birthDate: z.preprocess(blankToUndefined, birthDateField.optional()),
    relation: z.preprocess(blankToUndefined, memberFields.relation.optional()),
    education: memberFields.education,
    occupation: memberFields.occupation,
    disability: memberFields.disability,
  })
  .refine((value) => Object.entries(value).some(([key, field]) => key !== "memberId" && field !== undefined), {
    message: wordsMessage("Registry.input.correctionEmpty"),
    path: ["_form"],
  });
export type MemberCorrectionInput = z.output<typeof memberCorrectionSchema>;
