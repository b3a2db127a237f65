import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblems, type PasswordProblem } from "@/lib/auth/password";
import type { Role } from "@/lib/generated/prisma/enums";
import { recordId, recordVersion } from "@/lib/forms/fields";
import { codeInput } from "@/lib/validation/free-text";
import { z } from "@/lib/validation/zod";
import { ASSIGNABLE_ROLES, isAssignableRole, scopeOf, type AssignableRole } from "./roles";
import { wordsMessage } from "@/lib/errors/words-message";

const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  tooShort: wordsMessage("Users.input.passwordShort", { min: PASSWORD_MIN_LENGTH }),
  tooLong: wordsMessage("Users.input.passwordLong", { max: PASSWORD_MAX_LENGTH }),
  sameAsEmail: wordsMessage("Users.input.passwordIsEmailField"),
  tooCommon: wordsMessage("Users.input.passwordTooCommon"),
};

const userId = recordId("Validation.labels.user");

/** An optional id from a <select>: "" means none. */
const optionalId = codeInput(z.string().trim().max(64))
  .optional()
  .transform((value) => value || null);

const name = z
  .string({ error: wordsMessage("Users.input.nameRequired") })
  .trim()
  .min(2, wordsMessage("Users.input.nameShort"))
  .max(120, wordsMessage("Users.input.nameLong"));

/** Stored lower-case: sign-in looks emails up lower-cased. */
const email = z
  .string({ error: wordsMessage("Users.input.emailRequired") })
  .trim()
  .toLowerCase()
  .min(1, wordsMessage("Users.input.emailRequired"))
  .max(254, wordsMessage("Users.input.emailLong"))
  .pipe(z.email(wordsMessage("Users.input.emailFormat")));

const role = z.enum(ASSIGNABLE_ROLES, { error: wordsMessage("Users.input.roleRequired") });

/** "generate": Entas makes one and shows it once; "manual": the admin types it. */
const passwordMode = z.enum(["generate", "manual"]).default("generate");

type ScopeFields = { role: Role; opdId: string | null; kelurahanId: string | null };

/** OPD roles need an OPD, KELURAHAN a kelurahan, every other role neither (extra ids are dropped). */
function checkScope(value: ScopeFields, ctx: z.RefinementCtx) {
  const scope = scopeOf(value.role);
  if (scope === "opd" && !value.opdId) ctx.addIssue({ code: "custom", path: ["opdId"], message: wordsMessage("Users.input.opdRequired") });
  if (scope === "kelurahan" && !value.kelurahanId)
    ctx.addIssue({ code: "custom", path: ["kelurahanId"], message: wordsMessage("Users.input.kelurahanRequired") });
}

function normaliseScope<T extends ScopeFields>(value: T): T {
  const scope = scopeOf(value.role);
  return { ...value, opdId: scope === "opd" ? value.opdId : null, kelurahanId: scope === "kelurahan" ? value.kelurahanId : null };
}

function checkPassword(value: { passwordMode: "generate" | "manual"; password?: string; email?: string }, ctx: z.RefinementCtx) {
  if (value.passwordMode !== "manual") return;
  const [problem] = passwordProblems(value.password ?? "", { email: value.email });
  if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: PASSWORD_MESSAGES[problem] });
}

const password = z
  .string()
  .max(PASSWORD_MAX_LENGTH * 4)
  .optional();

export const createUserSchema = z
  .object({ name, email, role, opdId: optionalId, kelurahanId: optionalId, passwordMode, password })
  .superRefine(checkScope)
  .superRefine(checkPassword)
  .transform(normaliseScope);
export type CreateUserInput = z.output<typeof createUserSchema>;

export const updateUserSchema = z
  .object({ userId, version: recordVersion, name, role, opdId: optionalId, kelurahanId: optionalId })
  .superRefine(checkScope)
  .transform(normaliseScope);
export type UpdateUserInput = z.output<typeof updateUserSchema>;

export const resetPasswordSchema = z.object({ userId, passwordMode, password }).superRefine(checkPassword);
export type ResetPasswordInput = z.output<typeof resetPasswordSchema>;

export const userIdSchema = z.object({ userId });

/** The list's role filter from the URL: a known role, or none. */
export function parseRoleFilter(value: unknown): AssignableRole | null {
  return isAssignableRole(value) ? value : null;
}
