import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { authRoutes } from "@/features/account/routes";
import { SignOutButton } from "@/features/account/ui/sign-out-button";
import { getSessionUser } from "@/lib/auth/session";

/** Who is signed in, with the links to change the password and to sign out. */
export async function UserMenu() {
  const user = await getSessionUser();
  if (!user) return null;
  const t = await getTranslations();
  return (
    <div className="flex items-center gap-3 text-sm">
      <span className="hidden flex-col text-right leading-tight md:flex">
        <span className="font-medium" title={t("Shell.signedInAs", { name: user.name })}>
          {user.name}
        </span>
        <span className="text-xs text-brand-100">{t(`Users.roles.${user.role}`)}</span>
      </span>
      <Link href={authRoutes.changePassword()} className="hidden rounded px-1 text-brand-100 underline-offset-4 hover:text-white hover:underline sm:inline">
        {t("Shell.changePassword")}
      </Link>
      <SignOutButton />
    </div>
  );
}
