"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { MainContent } from "@/features/shell/ui/main-content";
import { Button, LinkButton } from "@/components/ui/button";

/** Errors inside the app shell. Shows a reference code for the server logs, never the error itself. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("Error");
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : undefined;

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <MainContent>
      <div role="alert" className="mx-auto max-w-xl rounded-lg border border-line bg-white p-6 shadow-xs sm:p-10">
        <h1 className="text-2xl font-semibold text-ink">{t("title")}</h1>
        <p className="mt-3 text-muted">{t("description")}</p>
        {digest ? <p className="mt-3 font-mono text-sm text-muted">{t("reference", { digest })}</p> : null}
        <div className="mt-6 flex flex-wrap gap-3">
          <Button onClick={() => retry()}>{t("retry")}</Button>
          <LinkButton href="/" variant="secondary">
            {t("backHome")}
          </LinkButton>
        </div>
      </div>
    </MainContent>
  );
}
