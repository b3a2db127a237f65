"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert, FormNotice } from "@/components/ui/form-alert";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import type { NumberLookupResult } from "@/features/registry/search/lookup-number";
import { registryRoutes } from "@/features/registry/routes";

/**
 * "Cari NIK / No. KK" for readers of personal data: a POST, so the number stays out of the
 * URL. A match opens the household; each lookup is audited and limited per user.
 */
export function NumberLookupForm({ action, tenantSlug, perHour }: { action: FormAction<NumberLookupResult>; tenantSlug: string; perHour: number }) {
  const t = useTranslations("Registry.lookup");
  const router = useRouter();
  const { state, pending, formRef, onSubmit, fieldError, formError } = useActionForm(action);
  const result = state?.ok ? state.data : null;

  useEffect(() => {
    if (result?.kind === "found") router.push(registryRoutes.household(tenantSlug, result.householdId));
  }, [result, router, tenantSlug]);

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      role="search"
      aria-label={t("title")}
      aria-busy={pending || undefined}
      className="mb-4 rounded-lg border border-line bg-white p-4 shadow-xs"
    >
      <div className="flex flex-wrap items-end gap-3">
        <Field
          id="registry-number"
          name="number"
          label={t("label")}
          hint={t("hint", { perHour })}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          maxLength={24}
          required
          error={fieldError("number")}
          className="w-80 max-w-full"
        />
        <Button type="submit" variant="secondary" className="min-h-11" disabled={pending}>
          {t("submit")}
        </Button>
      </div>
      <div className="mt-3 empty:hidden">
        {formError && !fieldError("number") ? <FormAlert>{formError}</FormAlert> : null}
        {result?.kind === "none" ? <FormNotice>{t("none")}</FormNotice> : null}
        {result?.kind === "limited" ? <FormAlert>{t("limited", { minutes: result.minutes })}</FormAlert> : null}
        {result?.kind === "found" ? <FormNotice>{t("found")}</FormNotice> : null}
      </div>
    </form>
  );
}
