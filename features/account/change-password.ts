import { recordAudit } from "@/lib/db/audit";
import { inUserScope, type AuthDeps } from "@/lib/auth/deps";
import { hashPassword, passwordProblems, verifyPassword, type PasswordProblem } from "@/lib/auth/password";
import { ACCOUNT_ADDRESS_POLICY, accountAddressKey, activeLock, minutesLeft, recordFailure } from "@/lib/auth/rate-limit";

export type ChangePasswordInput = {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
};

export type ChangePasswordErrors = {
  currentPassword?: "currentRequired" | "currentWrong";
  newPassword?: PasswordProblem | "sameAsCurrent";
  confirmPassword?: "mismatch";
};

export type ChangePasswordResult = { ok: true } | { ok: false; errors: ChangePasswordErrors } | { ok: false; locked: { minutes: number } };

/**
 * Changes the signed-in user's own password. Raises sessionVersion, which ends every
 * session of the user, this one too: the caller signs them out. A wrong current password
 * counts as a failed sign-in (same counter, same lock) and is audited.
 */
export async function changePassword(
  deps: AuthDeps,
  user: { id: string; tenantId: string | null; email: string },
  input: ChangePasswordInput,
  context: { ip: string | null; requestId?: string | null; now?: Date } = { ip: null },
): Promise<ChangePasswordResult> {
  const now = context.now ?? new Date();
  const errors: ChangePasswordErrors = {};
  if (!input.currentPassword) errors.currentPassword = "currentRequired";
  const [problem] = passwordProblems(input.newPassword, { email: user.email });
  if (problem) errors.newPassword = problem;
  else if (input.newPassword !== input.confirmPassword) errors.confirmPassword = "mismatch";
  if (Object.keys(errors).length) return { ok: false, errors };

  // The same counter as signing in to this account from this address: one guesser, one count.
  const key = accountAddressKey(user.email, context.ip ?? "unknown");
  const lockedUntil = await activeLock(deps.db, [key], now);
  if (lockedUntil) return { ok: false, locked: { minutes: minutesLeft(lockedUntil, now) } };

  const audit = { tenantId: user.tenantId, userId: user.id, entity: "User", entityId: user.id, ip: context.ip, requestId: context.requestId ?? null };
  const stored = await inUserScope(deps, user.tenantId, (tx) => tx.user.findUnique({ where: { id: user.id }, select: { passwordHash: true, active: true } }));
  if (!stored?.active) throw new Error("changePassword: the user is gone or deactivated");

  if (!(await verifyPassword(stored.passwordHash, input.currentPassword))) {
    const counter = await recordFailure(deps.db, key, ACCOUNT_ADDRESS_POLICY, now);
    await inUserScope(deps, user.tenantId, (tx) => recordAudit(tx, { ...audit, action: "auth.password_change_failed", after: { reason: "wrong_password" } }));
    if (counter.lockedUntil && counter.lockedUntil > now) return { ok: false, locked: { minutes: minutesLeft(counter.lockedUntil, now) } };
    return { ok: false, errors: { currentPassword: "currentWrong" } };
  }
  if (await verifyPassword(stored.passwordHash, input.newPassword)) {
    return { ok: false, errors: { newPassword: "sameAsCurrent" } };
  }

  const passwordHash = await hashPassword(input.newPassword);
  await inUserScope(deps, user.tenantId, async (tx) => {
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, passwordChangedAt: now, mustChangePassword: false, sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    // Never the hashes: only that it changed and which sessions it ended.
    await recordAudit(tx, {
      ...audit,
      action: "auth.password_changed",
      before: { sessionVersion: updated.sessionVersion - 1 },
      after: { sessionVersion: updated.sessionVersion, passwordChangedAt: now },
    });
  });
  return { ok: true };
}
