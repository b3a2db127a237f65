import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { catalogues } from "./catalogues";
import { localeCookieName, localeFromCookie } from "./locales";

// No locale in the URL: the language is a per-browser choice kept in a cookie.
export default getRequestConfig(async () => {
  const locale = localeFromCookie((await cookies()).get(localeCookieName)?.value);
  return {
    locale,
    messages: catalogues[locale],
    // Indonesia's western zone; tenant pages in WITA/WIT pass their own zone when it matters.
    timeZone: "Asia/Jakarta",
  };
});
