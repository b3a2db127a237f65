// The URLs of a signed-in user's own account, and where a user lands after signing in.
import { homeRoutes } from "@/features/home/routes";
import { platformRoutes } from "@/features/platform/routes";

export { authRoutes } from "@/lib/auth/routes";

export const accountRoutes = {
  changePassword: () => "/akun/kata-sandi",
};

/** Where a user lands after signing in when no page asked for them: their city, or the platform. */
export function homePath(user: { tenantSlug: string | null }): string {
  return user.tenantSlug ? homeRoutes.home(user.tenantSlug) : platformRoutes.home();
}
