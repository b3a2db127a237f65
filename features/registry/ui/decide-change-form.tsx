"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { DateField } from "@/components/ui/date-field";
import { FormAlert, FormNotice } from "@/components/ui/form-alert";
import type { FormAction } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/actions/define";
import { withQuery } from "@/lib/paths";

/** Approve (the change is applied at once) or reject with a reason. */
export function DecideChangeForm({
  action,
  requestId,
  doneHref,
  dated,
}: {
  action: FormAction<unknown>;
  requestId: string;
  /** The request's date ("YYYY-MM-DD"), for a request that has one: the decider may correct it. */
  dated?: string;
  /**
   * Where to go once decided, with the decision ("APPROVE"/"REJECT") as `decided`. The page refreshes
   * without the request (and this form), so the confirmation is shown there.
   */
  doneHref?: string;
}) {
  const t = useTranslations("ChangeRequests.decide");
  const router = useRouter();
  const [state, setState] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  // The pressed button decides; FormData leaves the submitter out, so it is copied here.
  const decision = useRef<HTMLInputElement>(null);
  const choose = (value: "APPROVE" | "REJECT") => () => {
    if (decision.current) decision.current.value = value;
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const chosen = String(data.get("decision") ?? "");
    startTransition(async () => {
      const result = await action(null, data);
      setState(result);
      // Runs even when the refresh has already removed this form.
      if (result.ok && doneHref) router.replace(withQuery(doneHref, { decided: chosen }), { scroll: false });
    });
  }

  if (state?.ok) return <FormNotice>{state.message}</FormNotice>;
  const reasonError = state && !state.ok ? state.fieldErrors?.reason?.[0] : undefined;
  const dateError = state && !state.ok ? state.fieldErrors?.effectiveDate?.[0] : undefined;
  const id = `decide-${requestId}`;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-busy={pending || undefined}>
      {state && !state.ok ? <FormAlert>{state.message}</FormAlert> : null}
      <input type="hidden" name="requestId" value={requestId} />
      <input ref={decision} type="hidden" name="decision" defaultValue="" />
      <div>
        <label htmlFor={`${id}-reason`} className="block text-sm font-medium text-ink">
          {t("reason")}
        </label>
        <p id={`${id}-hint`} className="mt-0.5 text-sm text-muted">
          {t("reasonHint")}
        </p>
        <textarea
          id={`${id}-reason`}
          name="reason"
          rows={2}
          maxLength={500}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={`${id}-hint${reasonError ? ` ${id}-error` : ""}`}
          className="mt-1 block w-full rounded-md border border-line bg-white px-3 py-2 text-base text-ink shadow-xs focus-visible:border-brand-500 aria-invalid:border-red-700"
        />
        {reasonError ? (
          <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
            {reasonError}
          </p>
        ) : null}
      </div>
      {dated ? <DateField id={`${id}-date`} name="effectiveDate" label={t("correctDate")} hint={t("correctDateHint")} error={dateError} /> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" onClick={choose("APPROVE")} disabled={pending}>
          {t("approve")}
        </Button>
        <Button type="submit" onClick={choose("REJECT")} variant="secondary" disabled={pending}>
          {t("reject")}
        </Button>
      </div>
    </form>
  );
}
