"use client";

import { startTransition, useActionState, useState, type FormEvent, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/define";
import { FormAlert, FormNotice } from "@/components/ui/form-alert";
import { Button } from "./button";
import type { FormAction } from "./use-action-form";

const DANGER =
  "inline-flex min-h-10 items-center justify-center rounded-md border border-red-300 bg-white px-4 py-2 text-sm font-medium text-red-800 transition-colors hover:bg-red-50 disabled:cursor-not-allowed disabled:opacity-60";

/**
 * Deactivate or reactivate a record: one form whose button calls the action that fits the
 * record's current state. With `confirm`, deactivating needs a tick first.
 */
export function ActiveToggleForm<Result>({
  fields,
  active,
  deactivate,
  reactivate,
  labels,
}: {
  /** Hidden fields sent with either action, e.g. the record's id. */
  fields: Record<string, string>;
  active: boolean;
  deactivate: FormAction<Result>;
  reactivate: FormAction<Result>;
  labels: { deactivateIntro: ReactNode; reactivateIntro: ReactNode; deactivate: ReactNode; reactivate: ReactNode; confirm?: ReactNode };
}) {
  const [state, dispatch, pending] = useActionState<ActionResult<Result> | null, FormData>(
    (previous, data) => (data.get("intent") === "deactivate" ? deactivate : reactivate)(previous, data),
    null,
  );
  const [confirmed, setConfirmed] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setConfirmed(false);
    startTransition(() => dispatch(data));
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-busy={pending || undefined}>
      {state && !state.ok ? <FormAlert>{state.message}</FormAlert> : null}
      {state?.ok && state.message ? <FormNotice>{state.message}</FormNotice> : null}
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="intent" value={active ? "deactivate" : "reactivate"} />
      <p className="text-sm text-muted">{active ? labels.deactivateIntro : labels.reactivateIntro}</p>
      {active && labels.confirm ? (
        <label className="flex items-start gap-2 text-sm text-ink">
          <input
            type="checkbox"
            checked={confirmed}
            onChange={(event) => setConfirmed(event.target.checked)}
            className="mt-0.5 size-4 shrink-0 accent-brand-700"
          />
          {labels.confirm}
        </label>
      ) : null}
      {active ? (
        <button type="submit" disabled={pending || (Boolean(labels.confirm) && !confirmed)} className={DANGER}>
          {labels.deactivate}
        </button>
      ) : (
        <Button type="submit" disabled={pending}>
          {labels.reactivate}
        </Button>
      )}
    </form>
  );
}
