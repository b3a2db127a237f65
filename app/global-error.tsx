"use client";

import { useSyncExternalStore } from "react";
import type { AppLocale } from "@/lib/i18n/locales";
import en from "@/messages/en/Error.json" with { type: "json" };
import id from "@/messages/id/Error.json" with { type: "json" };
import { defaultLocale, localeCookieName, localeFromCookie } from "@/lib/i18n/locales";
import "./globals.css";

// Replaces the root layout when it fails, so no i18n provider exists: read the cookie here.
function readLocale() {
  const cookie = document.cookie.split("; ").find((part) => part.startsWith(`${localeCookieName}=`));
  return localeFromCookie(cookie?.split("=")[1]);
}

const noSubscription = () => () => {};

// This page is in every route's client bundle: it carries its own namespace, not the catalogues.
const texts: Record<AppLocale, typeof id> = { id, en };

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const locale = useSyncExternalStore(noSubscription, readLocale, () => defaultLocale);
  const t = texts[locale];
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : undefined;

  return (
    <html lang={locale}>
      <body className="flex min-h-dvh items-center justify-center p-4">
        <title>{t.title}</title>
        <div role="alert" className="max-w-xl rounded-lg border border-line bg-white p-6 shadow-xs sm:p-10">
          <h1 className="text-2xl font-semibold text-ink">{t.title}</h1>
          <p className="mt-3 text-muted">{t.description}</p>
          {digest ? <p className="mt-3 font-mono text-sm text-muted">{t.reference.replace("{digest}", digest)}</p> : null}
          <div className="mt-6 flex flex-wrap gap-3">
            <button
              type="button"
              onClick={() => retry()}
              className="min-h-10 rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
            >
              {t.retry}
            </button>
            {/* A full page load: the client router may be what failed. */}
            <a href="/" className="min-h-10 rounded-md border border-line px-4 py-2 text-sm font-medium text-brand-800">
              {t.backHome}
            </a>
          </div>
        </div>
      </body>
    </html>
  );
}
