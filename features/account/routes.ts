// The URLs of a signed-in user's own account, and where a user lands after signing in.
import { homeRoutes } from "@/features/home/routes";
import { platformRoutes } from "@/features/platform/routes";

// The change-password page's URL is authRoutes.changePassword: the gate sends a user there.
export { authRoutes } from "@/lib/auth/routes";

/** Where a user lands after signing in when no page asked for them: their city, or the platform. */
export function homePath(user: { tenantSlug: string | null }): string {
  return user.tenantSlug ? homeRoutes.home(user.tenantSlug) : platformRoutes.home();
}
