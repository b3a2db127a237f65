/** The languages of the interface. Indonesian is the default; English is offered to visitors. */
export const locales = ["id", "en"] as const;

export type AppLocale = (typeof locales)[number];

export const defaultLocale: AppLocale = "id";

/** The cookie that remembers the chosen language (the name next-intl uses by convention). */
export const localeCookieName = "NEXT_LOCALE";

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** The cookie's value as a locale, falling back to the default for a missing or unknown value. */
export function localeFromCookie(value: string | undefined): AppLocale {
  return isAppLocale(value) ? value : defaultLocale;
}
