"use client";

import { useTranslations } from "next-intl";
import { FormAlert, FormNotice } from "@/components/ui/form-alert";
import { Button } from "@/components/ui/button";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import type { AreaSyncResult } from "@/features/areas/sync-tenant-areas";

/** "Perbarui dari data Kemendagri": re-syncs the tree and says what it changed. */
export function SyncAreasForm({ action }: { action: FormAction<AreaSyncResult> }) {
  const t = useTranslations("Areas.sync");
  const { state, pending, onSubmit, formError } = useActionForm(action);
  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-busy={pending || undefined}>
      <div className="flex flex-col gap-3 md:flex-row md:items-center md:justify-between md:gap-6">
        <p className="max-w-3xl text-sm text-muted">{t("intro")}</p>
        <Button type="submit" variant="secondary" disabled={pending} className="shrink-0">
          {pending ? t("submitting") : t("submit")}
        </Button>
      </div>
      <div aria-live="polite">
        {formError ? <FormAlert>{formError}</FormAlert> : null}
        {state?.ok ? (
          <FormNotice>
            {state.data.created + state.data.updated === 0 ? t("upToDate", { unchanged: state.data.unchanged }) : t("result", state.data)}
          </FormNotice>
        ) : null}
      </div>
    </form>
  );
}
