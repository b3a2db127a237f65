"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormAlert, FormNotice } from "@/components/ui/form-alert";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

/** The city admin marks the OPD that is Dinas Sosial: its head decides registry change requests. */
export function OpdRegistryRoleForm({ action, opd }: { action: FormAction<{ opd: { id: string } }>; opd: { id: string; decidesRegistryChanges: boolean } }) {
  const t = useTranslations("Opds");
  const { state, pending, formRef, onSubmit, formError } = useActionForm(action);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-busy={pending || undefined}>
      {formError ? <FormAlert>{formError}</FormAlert> : null}
      {state?.ok && state.message ? <FormNotice>{state.message}</FormNotice> : null}
      <input type="hidden" name="opdId" value={opd.id} />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="decidesRegistryChanges" defaultChecked={opd.decidesRegistryChanges} className="mt-1 h-4 w-4" />
        <span>
          <span className="font-medium text-ink">{t("registryRole.label")}</span>
          <span className="block text-muted">{t("registryRole.hint")}</span>
        </span>
      </label>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("form.saving") : t("registryRole.save")}
      </Button>
    </form>
  );
}
