// Who sees and writes which OPD's programmes. OPD roles (those who may write) work within
// their own OPD, which comes from the session and never from a form; city-wide readers
// (Bapeda, auditor) see every OPD, read-only.
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";
import { AppError } from "@/lib/errors";

export type ProgrammeScope =
  /** Own OPD only; `opdId` null (an OPD account without an OPD) sees nothing. */
  | { kind: "opd"; opdId: string | null }
  | { kind: "city" };

export function programmeScope(user: Pick<SessionUser, "role" | "opdId">): ProgrammeScope {
  return can(user.role, "programme:write") || can(user.role, "entry:write") ? { kind: "opd", opdId: user.opdId } : { kind: "city" };
}

/** The Prisma filter on Programme for a scope, narrowed to one OPD when a city-wide reader picks one. */
export function programmeWhere(scope: ProgrammeScope, pickedOpdId?: string | null): { opdId?: string; id?: { in: string[] } } {
  if (scope.kind === "opd") return scope.opdId ? { opdId: scope.opdId } : { id: { in: [] } };
  return pickedOpdId ? { opdId: pickedOpdId } : {};
}

/** The writer's own OPD, or a refusal when the account has none. */
export function writerOpdId(user: Pick<SessionUser, "opdId">): string {
  if (!user.opdId) throw new AppError("FORBIDDEN", "Akun Anda belum terhubung dengan OPD. Hubungi admin kota.");
  return user.opdId;
}
