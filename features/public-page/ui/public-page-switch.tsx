"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormAlert, FormNotice } from "@/components/ui/form-alert";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

/** The city admin's switch: says whether the public page is open, and opens or closes it. */
export function PublicPageSwitch({ action, enabled, href }: { action: FormAction<{ enabled: boolean }>; enabled: boolean; href: string }) {
  const t = useTranslations("PublicPage.switch");
  const { state, pending, onSubmit, formError } = useActionForm(action);
  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-busy={pending || undefined}>
      <input type="hidden" name="enabled" value={enabled ? "off" : "on"} />
      <div className="flex flex-col gap-3 md:flex-row md:items-center md:justify-between md:gap-6">
        <div className="max-w-3xl space-y-1 text-sm">
          <p className="font-medium text-ink">{enabled ? t("open") : t("closed")}</p>
          <p className="text-muted">{t("intro")}</p>
          {enabled ? (
            <p>
              <Link href={href} className="font-medium text-brand-700 underline underline-offset-2">
                {t("view")}
              </Link>
            </p>
          ) : null}
        </div>
        <Button type="submit" variant={enabled ? "secondary" : "primary"} disabled={pending} className="shrink-0">
          {pending ? t("submitting") : enabled ? t("close") : t("openIt")}
        </Button>
      </div>
      <div aria-live="polite">
        {formError ? <FormAlert>{formError}</FormAlert> : null}
        {state?.ok && state.message ? <FormNotice>{state.message}</FormNotice> : null}
      </div>
    </form>
  );
}
