"use server";

import { cookies } from "next/headers";
import { isAppLocale, localeCookieName } from "./locales";

const ONE_YEAR_IN_SECONDS = 60 * 60 * 24 * 365;

/**
 * Remembers the language picked in the header. Setting a cookie in a server action makes
 * Next.js re-render the current page, so no redirect is needed; without JavaScript the
 * form posts to the same URL and gets the page back in the new language.
 */
export async function setLocale(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isAppLocale(locale)) return;
  (await cookies()).set(localeCookieName, locale, {
    path: "/",
    maxAge: ONE_YEAR_IN_SECONDS,
    sameSite: "lax",
  });
}
