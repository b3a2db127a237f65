import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblems, type PasswordProblem } from "@/lib/auth/password";
import { MAIN_POD } from "@/lib/db/pods";
import { z } from "@/lib/validation/zod";
import { platformErrors as m } from "@/features/platform/messages";
import { RESERVED_SLUGS, TENANT_SLUG_MAX_LENGTH, TENANT_SLUG_MIN_LENGTH, TENANT_SLUG_PATTERN } from "@/features/platform/slug";

const REGENCY_CODE = /^\d{2}\.\d{2}$/;
export const ADMIN_NAME_MAX_LENGTH = 120;

const PASSWORD_MESSAGES: Record<PasswordProblem, () => string> = {
  tooShort: () => m("passwordTooShort", { min: PASSWORD_MIN_LENGTH }),
  tooLong: () => m("passwordTooLong", { max: PASSWORD_MAX_LENGTH }),
  sameAsEmail: () => m("passwordSameAsEmail"),
  tooCommon: () => m("passwordTooCommon"),
};

/**
 * A new tenant: its kota/kabupaten by Kemendagri code, its URL slug, and its first
 * CITY_ADMIN, on a pod. Whether the code exists and is free, the slug free and the pod
 * configured, is checked by createTenant against idn-area-data, the database and the env.
 */
export const createTenantSchema = z
  .object({
    kemendagriCode: z.string().trim().min(1, m("codeRequired")).regex(REGENCY_CODE, m("codeFormat")),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .min(TENANT_SLUG_MIN_LENGTH, m("slugLength", { min: TENANT_SLUG_MIN_LENGTH, max: TENANT_SLUG_MAX_LENGTH }))
      .max(TENANT_SLUG_MAX_LENGTH, m("slugLength", { min: TENANT_SLUG_MIN_LENGTH, max: TENANT_SLUG_MAX_LENGTH }))
      .regex(TENANT_SLUG_PATTERN, m("slugFormat"))
      .refine((slug) => !RESERVED_SLUGS.has(slug), { error: (issue) => m("slugReserved", { slug: String(issue.input) }) }),
    adminName: z
      .string()
      .trim()
      .min(1, m("nameRequired"))
      .max(ADMIN_NAME_MAX_LENGTH, m("nameTooLong", { max: ADMIN_NAME_MAX_LENGTH })),
    adminEmail: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email(m("emailInvalid")).max(254, m("emailInvalid"))),
    adminPassword: z.string(),
    /** The pod the city lives on (lib/db/pods.ts); the form offers it only when there are several. */
    pod: z.string().trim().min(1).default(MAIN_POD),
  })
  .superRefine((input, context) => {
    for (const problem of passwordProblems(input.adminPassword, { email: input.adminEmail })) {
      context.addIssue({ code: "custom", path: ["adminPassword"], message: PASSWORD_MESSAGES[problem]() });
    }
  });

export type CreateTenantInput = z.output<typeof createTenantSchema>;
