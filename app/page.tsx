import { redirect } from "next/navigation";
import { authRoutes, homePath } from "@/features/account/routes";
import { getSessionUser } from "@/lib/auth/session";

// Reads the session on every request; never at build time.
export const dynamic = "force-dynamic";

/** The front door: a signed-in user goes to their city (or the platform), anyone else signs in. */
export default async function HomePage() {
  const user = await getSessionUser();
  redirect(user ? homePath(user) : authRoutes.signIn());
}
