import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/lib/i18n/actions";
import { locales } from "@/lib/i18n/locales";
import { cx } from "@/components/ui/class-names";

/**
 * A plain form posting to a server action: it works without JavaScript, which matters on
 * old office laptops, and needs no client component.
 */
export async function LanguageSwitch() {
  const [t, current] = await Promise.all([getTranslations("LanguageSwitch"), getLocale()]);
  return (
    <form action={setLocale} className="flex items-center gap-2">
      <span id="language-switch-label" className="sr-only sm:not-sr-only sm:text-sm sm:text-brand-100">
        {t("label")}
      </span>
      <div role="group" aria-labelledby="language-switch-label" className="flex rounded-md bg-brand-900/60 p-0.5">
        {locales.map((locale) => {
          const active = locale === current;
          return (
            <button
              key={locale}
              type="submit"
              name="locale"
              value={locale}
              lang={locale}
              aria-current={active ? "true" : undefined}
              className={cx(
                "min-h-9 rounded px-3 text-sm font-medium transition-colors",
                active ? "bg-white text-brand-800" : "text-brand-100 hover:bg-brand-700 hover:text-white",
              )}
            >
              <span className="sr-only md:not-sr-only">{t(`languages.${locale}`)}</span>
              <span aria-hidden="true" className="md:hidden">
                {t(`short.${locale}`)}
              </span>
            </button>
          );
        })}
      </div>
    </form>
  );
}
