import { newSubmissionKey, SUBMISSION_KEY_FIELD } from "@/lib/actions/submission-key";
import type { SessionUser } from "@/lib/auth/session-user";
import { runAction, type ActionDeps } from "@/lib/actions/run";
import type { Role } from "@/lib/generated/prisma/enums";
import type { TestDb } from "./db";
import type { TestTenant } from "./factories";

/** A signed-in user as the session would give it, without next-auth. */
export function sessionUser(tenant: TestTenant | null, role: Role, overrides: Partial<SessionUser> = {}): SessionUser {
  return {
    id: `user-${role.toLowerCase()}-${tenant?.slug ?? "platform"}`,
    name: `Pengguna ${role}`,
    email: `${role.toLowerCase()}@${tenant?.slug ?? "platform"}.test`,
    role,
    tenantId: tenant?.id ?? null,
    tenantSlug: tenant?.slug ?? null,
    opdId: null,
    opd: null,
    kelurahanId: null,
    ...overrides,
  };
}

/** The action pipeline's dependencies, on the test database, acting as `user`. */
export function actionDeps(t: TestDb, user: SessionUser | null, revalidated: string[] = []): ActionDeps {
  return {
    currentUser: async () => user,
    withTenant: t.withTenant,
    withPlatform: t.withPlatform,
    revalidatePath: (path) => void revalidated.push(path),
    requestMeta: async () => ({ requestId: "req-test", ip: "127.0.0.1" }),
  };
}

/** A form's input as the app's forms send it: with a fresh submission key (lib/actions/submission-key.ts). */
export function submitted<Input>(input: Input): Input {
  const key = newSubmissionKey();
  if (input instanceof FormData) {
    input.set(SUBMISSION_KEY_FIELD, key);
    return input;
  }
  return { ...(input as object), [SUBMISSION_KEY_FIELD]: key } as Input;
}

/** runAction with the input sent as a form sends it: with a fresh submission key. */
export const runSubmitted: typeof runAction = (deps, definition, tenantSlug, input) => runAction(deps, definition, tenantSlug, submitted(input));
