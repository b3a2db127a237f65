// Whether a session token still stands for a signed-in user. Run on every request: the
// token says who signed in, the database says whether that still holds.
import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";
import { inUserScope, type AuthDeps } from "./deps";
import type { OpdCapabilities } from "./permissions";
import { authRoutes } from "./routes";
import { sessionIsOpen } from "./user-sessions";

/** A session lasts at most this long from sign-in, whatever refreshes its cookie. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** What the session token carries besides next-auth's own fields. */
export const sessionClaimsSchema = z.object({
  userId: z.string().min(1),
  tenantId: z.string().min(1).nullable(),
  role: z.enum(Role),
  sessionVersion: z.number().int(),
  /** Milliseconds since the epoch. */
  signedInAt: z.number().int(),
  /** The UserSession row: the session counts only while the row is open. */
  sessionId: z.string().min(1),
});

export type SessionClaims = z.infer<typeof sessionClaimsSchema>;

export type SessionUser = {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** Null only for the platform admin. */
  tenantId: string | null;
  tenantSlug: string | null;
  opdId: string | null;
  /** What the city admin has marked on the user's OPD; null without an OPD. */
  opd: OpdCapabilities | null;
  kelurahanId: string | null;
  /** An admin gave the password; the user must choose their own before anything else (absent: no). */
  mustChangePassword?: boolean;
};

/** A user of a city, as the gate admits them. */
export type TenantSessionUser = SessionUser & { tenantId: string; tenantSlug: string };

/** The platform admin, as the gate admits them. */
export type PlatformAdmin = SessionUser & { role: "PLATFORM_ADMIN"; tenantId: null };

/**
 * The user behind a session token, re-read from the database, or null when the session
 * has run its course or was ended (signing out), the user is gone or deactivated, or their
 * sessionVersion has moved on (deactivation, a password change).
 */
export async function loadSessionUser(deps: AuthDeps, claims: unknown, now: Date = new Date()): Promise<SessionUser | null> {
  const parsed = sessionClaimsSchema.safeParse(claims);
  if (!parsed.success) return null;
  const { userId, tenantId, sessionVersion, signedInAt, sessionId } = parsed.data;
  const age = now.getTime() - signedInAt;
  if (age > SESSION_MAX_AGE_SECONDS * 1000 || age < -60_000) return null;

  const user = await inUserScope(deps, tenantId, async (tx) => {
    if (!(await sessionIsOpen(tx, { id: sessionId, userId }, now))) return null;
    return tx.user.findUnique({
      where: { id: userId },
      select: {
        id: true,
        name: true,
        email: true,
        role: true,
        tenantId: true,
        opdId: true,
        opd: { select: { decidesRegistryChanges: true } },
        kelurahanId: true,
        active: true,
        sessionVersion: true,
        mustChangePassword: true,
        tenant: { select: { slug: true } },
      },
    });
  });
  if (!user || !user.active || user.sessionVersion !== sessionVersion || user.tenantId !== tenantId) return null;
  // The platform admin belongs to no tenant, and a tenant's user is never platform admin.
  if ((user.role === "PLATFORM_ADMIN") !== (user.tenantId === null)) return null;

  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    tenantId: user.tenantId,
    tenantSlug: user.tenant?.slug ?? null,
    opdId: user.opdId,
    opd: user.opd ? { decidesRegistryChanges: user.opd.decidesRegistryChanges } : null,
    kelurahanId: user.kelurahanId,
    mustChangePassword: user.mustChangePassword,
  };
}

/**
 * A callbackUrl that stays on this site: a path starting with one "/", never "//" or
 * "/\" (both leave the site), and never back to the sign-in page itself. A query value
 * holding a NIK or No. KK, whole or in part, is dropped: the callbackUrl lands in the
 * sign-in page's URL, its history and the logs of every proxy on the way.
 */
export function safeCallbackUrl(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length > 2000) return null;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return null;
  if (/[\u0000-\u001f\\]/.test(raw)) return null;
  const path = raw.split(/[?#]/)[0] ?? "";
  const signIn = authRoutes.signIn();
  if (path === signIn || path.startsWith(`${signIn}/`) || path.startsWith("/api/")) return null;
  return withoutNumbers(raw);
}

/** Twelve digits or more in a row, however typed from a card (spaces, dots, dashes). */
const PERSONAL_NUMBER = /\d{12,}/;

function withoutNumbers(url: string): string {
  const hashAt = url.indexOf("#");
  const hash = hashAt >= 0 ? url.slice(hashAt) : "";
  const beforeHash = hashAt >= 0 ? url.slice(0, hashAt) : url;
  const queryAt = beforeHash.indexOf("?");
  if (queryAt < 0) return url;
  const params = new URLSearchParams(beforeHash.slice(queryAt + 1));
  const kept = [...params].filter(([, value]) => !PERSONAL_NUMBER.test(value.replace(/[\s.\-']/g, "")));
  if (kept.length === [...params].length) return url;
  const query = new URLSearchParams(kept).toString();
  return `${beforeHash.slice(0, queryAt)}${query ? `?${query}` : ""}${hash}`;
}
