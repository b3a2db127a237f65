"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition, type FormEvent } from "react";
import type { ActionResult } from "@/lib/actions/define";
import { Button } from "@/components/ui/button";
import { FormAlert, FormNotice } from "@/components/ui/form-alert";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import { withQuery } from "@/lib/paths";

/** Runs the duplicate checks chosen. */
export function ScanDuplicatesForm({ action }: { action: FormAction<{ jobId: string }> }) {
  const t = useTranslations("Duplicates.scan");
  const { state, pending, formRef, onSubmit, fieldError, formError } = useActionForm(action);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-busy={pending || undefined}>
      {formError ? <FormAlert>{fieldError("kinds") ?? formError}</FormAlert> : null}
      {state?.ok ? <FormNotice>{t("queued")}</FormNotice> : null}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-ink">{t("legend")}</legend>
        {(["SIMILAR_PERSON", "SAME_ADDRESS_AND_HEAD"] as const).map((kind) => (
          <label key={kind} className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="kinds" value={kind} defaultChecked className="mt-1 h-4 w-4" />
            <span>
              <span className="font-medium text-ink">{t(`kinds.${kind}`)}</span>
              <span className="block text-muted">{t(`hints.${kind}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <p className="text-sm text-muted">{t("nikNote")}</p>
      <Button type="submit" disabled={pending}>
        {pending ? t("running") : t("run")}
      </Button>
    </form>
  );
}

/** Merge keeping one side, or dismiss. */
export function ResolveDuplicateForm({
  action,
  candidateId,
  canMerge,
  doneHref,
}: {
  action: FormAction<unknown>;
  candidateId: string;
  canMerge: boolean;
  /** Where to go once resolved (the page refreshes without this pair), with the resolution as `resolved`. */
  doneHref?: string;
}) {
  const t = useTranslations("Duplicates.resolve");
  const router = useRouter();
  const [state, setState] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const resolution = useRef<HTMLInputElement>(null);
  const choose = (value: string) => () => {
    if (resolution.current) resolution.current.value = value;
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const chosen = String(data.get("resolution") ?? "");
    startTransition(async () => {
      const result = await action(null, data);
      setState(result);
      if (result.ok && doneHref) router.replace(withQuery(doneHref, { resolved: chosen === "DISMISS" ? "DISMISSED" : "MERGED" }), { scroll: false });
    });
  }

  if (state?.ok) return <FormNotice>{state.message}</FormNotice>;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-busy={pending || undefined}>
      {state && !state.ok ? <FormAlert>{state.message}</FormAlert> : null}
      <input type="hidden" name="candidateId" value={candidateId} />
      <input ref={resolution} type="hidden" name="resolution" defaultValue="" />
      <div>
        <label htmlFor={`note-${candidateId}`} className="block text-sm font-medium text-ink">
          {t("note")}
        </label>
        <input
          id={`note-${candidateId}`}
          name="note"
          maxLength={500}
          className="mt-1 block min-h-10 w-full rounded-md border border-line bg-white px-3 py-2 text-sm text-ink shadow-xs"
        />
      </div>
      <div className="flex flex-wrap gap-2">
        {canMerge ? (
          <>
            <Button type="submit" onClick={choose("KEEP_FIRST")} disabled={pending}>
              {t("keepFirst")}
            </Button>
            <Button type="submit" onClick={choose("KEEP_SECOND")} disabled={pending}>
              {t("keepSecond")}
            </Button>
          </>
        ) : null}
        <Button type="submit" variant="secondary" onClick={choose("DISMISS")} disabled={pending}>
          {t("dismiss")}
        </Button>
      </div>
      {canMerge ? <p className="text-xs text-muted">{t("mergeNote")}</p> : null}
    </form>
  );
}
