import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EntasLogo } from "./entas-logo";
import { LanguageSwitch } from "./language-switch";
import { UserMenu } from "./user-menu";

export async function SiteHeader() {
  const t = await getTranslations();
  return (
    <header data-surface="dark" className="border-b-4 border-accent-500 bg-brand-800 text-white print:hidden">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-brand-900"
      >
        {t("Shell.skipToContent")}
      </a>
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-2.5 sm:px-6">
        {/* Named by its visible words, then where it leads, so speaking "Entas" activates it. */}
        <Link href="/" className="flex items-center gap-3 rounded">
          <EntasLogo className="size-9 shrink-0 text-brand-600" />
          <span className="flex flex-col leading-tight">
            <span className="text-lg font-semibold tracking-wide">{t("Brand.name")}</span>
            <span className="hidden text-xs text-brand-100 sm:block">{t("Brand.tagline")}</span>
          </span>
          <span className="sr-only"> {t("Brand.homeLink")}</span>
        </Link>
        <div className="flex items-center gap-4">
          <UserMenu />
          <LanguageSwitch />
        </div>
      </div>
    </header>
  );
}
