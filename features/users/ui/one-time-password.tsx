"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** A generated password, shown on the answer that made it and never again. */
export function OneTimePassword({ email, password }: { email: string; password: string }) {
  const t = useTranslations("Users.oneTimePassword");
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(password);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <div role="status" className="rounded-md border border-accent-400 bg-accent-50 px-4 py-3">
      <p className="text-sm font-semibold text-ink">{t("title", { email })}</p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <code className="rounded border border-line bg-white px-3 py-1.5 font-mono text-lg tracking-wider text-ink select-all">{password}</code>
        <Button variant="secondary" onClick={copy} aria-live="polite">
          {copied ? t("copied") : t("copy")}
        </Button>
      </div>
      <p className="mt-2 text-sm text-muted">{t("note")}</p>
    </div>
  );
}
