// CITY_ADMIN's user administration. Every write below is audited by the
// action pipeline; the city comes from the session, and every id from the form is looked
// up inside the city's scope, so another city's user, OPD or kelurahan is "not found".
import { defineAction, type ActionContext, type AnyActionDefinition } from "@/lib/actions/define";
import { hashPassword, passwordProblems } from "@/lib/auth/password";
import { claimSignIn } from "@/lib/auth/sign-in-directory";
import type { Tx } from "@/lib/db";
import { recordAudit } from "@/lib/db/audit";
import { onMainPod } from "@/lib/db/tenant-scope";
import { updateAtVersion } from "@/lib/db/versioned-update";
import { notFound } from "@/lib/errors";
import { wordedError, wordsMessage } from "@/lib/errors/worded";
import type { Role } from "@/lib/generated/prisma/enums";
import { generatePassword } from "@/features/users/generate-password";
import { createUserSchema, resetPasswordSchema, updateUserSchema, userIdSchema } from "@/features/users/schemas";
import { usersRoutes } from "@/features/users/routes";

/** What an action hands back about a user: never the hash. */
type UserSummary = { id: string; name: string; email: string; role: Role; active: boolean };
const summary = (user: UserSummary): UserSummary => ({
  id: user.id,
  name: user.name,
  email: user.email,
  role: user.role,
  active: user.active,
});

/** The user with this id in the caller's city; anyone else is "not found". */
async function findCityUser(tx: Tx, userId: string) {
  const user = await tx.user.findFirst({ where: { id: userId } });
  // A tenant scope never sees the platform admin; the role check is a second lock.
  if (!user || user.role === "PLATFORM_ADMIN") throw notFound("Pengguna");
  return user;
}

/** The OPD / kelurahan ids of the form must name the city's own; checked inside its scope. */
async function checkScopeIds(tx: Tx, scope: { opdId: string | null; kelurahanId: string | null }, keep?: { opdId: string | null }) {
  if (scope.opdId) {
    const opd = await tx.opd.findFirst({ where: { id: scope.opdId }, select: { active: true } });
    if (!opd) throw notFound("OPD");
    // A user may stay with an OPD deactivated later, but nobody new is put there.
    if (!opd.active && keep?.opdId !== scope.opdId) {
      throw wordedError("INVALID", "Users.errors.opdInactive", {}, { opdId: [wordsMessage("Users.errors.opdInactiveField")] });
    }
  }
  if (scope.kelurahanId) {
    const kelurahan = await tx.area.findFirst({ where: { id: scope.kelurahanId, level: "KELURAHAN" }, select: { id: true } });
    if (!kelurahan) throw notFound("Kelurahan");
  }
}

const EMAIL_TAKEN = wordedError(
  "CONFLICT",
  "Users.errors.emailTaken",
  {},
  {
    email: [wordsMessage("Users.errors.emailTakenField")],
  },
);

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown })?.code === "P2002";
}

function refuseSelf(ctx: ActionContext, userId: string, key: string) {
  if (ctx.user.id === userId) throw wordedError("FORBIDDEN", key);
}

export const createUserDefinition = defineAction({
  name: "users.create",
  permission: "user:manage",
  schema: createUserSchema,
  run: async ({ tx, tenantId }, input) => {
    await checkScopeIds(tx, input);
    if (await tx.user.findFirst({ where: { email: input.email }, select: { id: true } })) throw EMAIL_TAKEN;
    const generated = input.passwordMode === "generate" ? generatePassword() : null;
    const passwordHash = await hashPassword(generated ?? input.password ?? "");
    try {
      const user = await tx.user.create({
        data: {
          tenantId,
          name: input.name,
          email: input.email,
          role: input.role,
          opdId: input.opdId,
          kelurahanId: input.kelurahanId,
          passwordHash,
          mustChangePassword: true,
        },
      });
      await claimSignIn({ email: user.email, userId: user.id, tenantId });
      // The generated password is shown once, on this answer, and stored nowhere else.
      return { user: summary(user), password: generated };
    } catch (error) {
      // Emails are unique across all cities and pods; another city's account is not looked up.
      if (isUniqueViolation(error)) throw EMAIL_TAKEN;
      throw error;
    }
  },
  revalidate: (slug) => [usersRoutes.list(slug)],
  successMessage: "Success.users.create",
});

export const updateUserDefinition = defineAction({
  name: "users.update",
  permission: "user:manage",
  schema: updateUserSchema,
  run: async (ctx, input) => {
    const { tx } = ctx;
    const user = await findCityUser(tx, input.userId);
    if (ctx.user.id === user.id && input.role !== user.role) {
      throw wordedError(
        "FORBIDDEN",
        "Users.errors.ownRole",
        {},
        {
          role: [wordsMessage("Users.errors.ownRoleField")],
        },
      );
    }
    await checkScopeIds(tx, input, { opdId: user.opdId });
    // The session re-reads role and scope on every request: the change holds at once.
    await updateAtVersion(tx, "user", {
      where: { id: user.id },
      version: input.version,
      data: { name: input.name, role: input.role, opdId: input.opdId, kelurahanId: input.kelurahanId },
    });
    return { user: summary({ ...user, name: input.name, role: input.role }) };
  },
  revalidate: (slug, result) => [usersRoutes.list(slug), usersRoutes.detail(slug, result.user.id)],
  successMessage: "Success.users.update",
});

export const resetUserPasswordDefinition = defineAction({
  name: "users.resetPassword",
  permission: "user:manage",
  schema: resetPasswordSchema,
  run: async (ctx, input) => {
    const { tx } = ctx;
    const user = await findCityUser(tx, input.userId);
    refuseSelf(ctx, user.id, "Users.errors.ownPasswordHere");
    if (input.passwordMode === "manual" && passwordProblems(input.password ?? "", { email: user.email }).includes("sameAsEmail")) {
      throw wordedError(
        "INVALID",
        "Error.common.checkFields",
        {},
        {
          password: [wordsMessage("Users.errors.passwordIsEmail")],
        },
      );
    }
    const generated = input.passwordMode === "generate" ? generatePassword() : null;
    const passwordHash = await hashPassword(generated ?? input.password ?? "");
    // A new sessionVersion ends every session the user has, at their next request.
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, passwordChangedAt: new Date(), mustChangePassword: true, sessionVersion: { increment: 1 } },
    });
    return { user: summary(updated), password: generated };
  },
  revalidate: (slug, result) => [usersRoutes.detail(slug, result.user.id)],
  successMessage: "Success.users.resetPassword",
});

export const deactivateUserDefinition = defineAction({
  name: "users.deactivate",
  permission: "user:manage",
  schema: userIdSchema,
  run: async (ctx, input) => {
    const { tx } = ctx;
    const user = await findCityUser(tx, input.userId);
    refuseSelf(ctx, user.id, "Users.errors.notOwnAccount");
    if (!user.active) return { user: summary(user) };
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { active: false, sessionVersion: { increment: 1 } },
    });
    return { user: summary(updated) };
  },
  revalidate: (slug, result) => [usersRoutes.list(slug), usersRoutes.detail(slug, result.user.id)],
  successMessage: "Success.users.deactivate",
});

export const reactivateUserDefinition = defineAction({
  name: "users.reactivate",
  permission: "user:manage",
  schema: userIdSchema,
  run: async ({ tx }, input) => {
    const user = await findCityUser(tx, input.userId);
    if (user.active) return { user: summary(user) };
    const updated = await tx.user.update({ where: { id: user.id }, data: { active: true } });
    return { user: summary(updated) };
  },
  revalidate: (slug, result) => [usersRoutes.list(slug), usersRoutes.detail(slug, result.user.id)],
  successMessage: "Success.users.reactivate",
});

/**
 * Lifts the sign-in locks of one of the city's accounts: its own failure counters are
 * forgotten (an address's counter, shared by anyone there, stays). The counters are not
 * audited rows, so the lifting is audited here, with how many counters held a lock.
 */
export const unlockUserDefinition = defineAction({
  name: "users.unlock",
  permission: "user:manage",
  schema: userIdSchema,
  run: async (ctx, input) => {
    const { tx } = ctx;
    const user = await findCityUser(tx, input.userId);
    const now = new Date();
    const locks = await onMainPod(tx, async (main) => {
      const count = await main.rateLimit.count({ where: { userId: user.id, lockedUntil: { gt: now } } });
      await main.rateLimit.deleteMany({ where: { userId: user.id } });
      return count;
    });
    await recordAudit(tx, {
      tenantId: ctx.tenantId,
      userId: ctx.user.id,
      action: "auth.unlock",
      entity: "User",
      entityId: user.id,
      after: { locks },
      requestId: ctx.requestId,
      ip: ctx.ip ?? null,
    });
    return { user: summary(user), locks };
  },
  revalidate: (slug, result) => [usersRoutes.list(slug), usersRoutes.detail(slug, result.user.id)],
  successMessage: "Success.users.unlock",
});

/** Every user action, for the users' own tests (the permission matrix reads the action registry). */
export const userActionDefinitions: readonly AnyActionDefinition[] = [
  createUserDefinition,
  updateUserDefinition,
  resetUserPasswordDefinition,
  deactivateUserDefinition,
  reactivateUserDefinition,
  unlockUserDefinition,
];
