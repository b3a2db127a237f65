import { getTranslations } from "next-intl/server";
import { buttonClassName } from "@/components/ui/button";
import { cx } from "@/components/ui/class-names";
import { signOutAction } from "@/features/account/actions";

const onDark =
  "inline-flex min-h-9 items-center rounded-md border border-brand-500 px-3 text-sm font-medium text-brand-100 transition-colors hover:bg-brand-700 hover:text-white";

/**
 * "Keluar": a plain form posting to a server action, so it works without JavaScript.
 * `header` suits the dark site header; `secondary` a page.
 */
export async function SignOutButton({ variant = "header", className }: { variant?: "header" | "secondary"; className?: string }) {
  const t = await getTranslations("Account");
  return (
    <form action={signOutAction}>
      <button type="submit" className={variant === "header" ? cx(onDark, className) : buttonClassName("secondary", className)}>
        {t("signOut")}
      </button>
    </form>
  );
}
