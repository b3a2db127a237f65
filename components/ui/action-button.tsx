"use client";

import { useRouter } from "next/navigation";
import { startTransition, useActionState, type FormEvent, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/define";
import { buttonClassName } from "./button";
import { cx } from "./class-names";
import type { FormAction } from "./use-action-form";
import { useSubmissionKey } from "./use-submission-key";

const LINK = "inline-flex min-h-9 items-center px-1.5 text-sm font-medium underline-offset-2 hover:underline disabled:opacity-60";

const DANGER =
  "inline-flex min-h-10 items-center justify-center rounded-md border border-red-300 bg-white px-4 py-2 text-sm font-medium text-red-800 transition-colors hover:bg-red-50 disabled:cursor-not-allowed disabled:opacity-60";

/**
 * One button that runs one server action with fixed fields (delete this, verify that). A
 * refusal is shown next to it; after success the page refreshes, or goes to `redirectTo`.
 */
export function ActionButton<Result>({
  action,
  fields,
  children,
  pendingLabel,
  confirm,
  variant = "secondary",
  label,
  redirectTo,
  size = "normal",
}: {
  action: FormAction<Result>;
  fields: Record<string, string>;
  children: ReactNode;
  pendingLabel?: ReactNode;
  /** Asked with the browser's confirm dialog first. */
  confirm?: string;
  /** "link" and "dangerLink": text-only, for a row of actions in a table. */
  variant?: "primary" | "secondary" | "danger" | "link" | "dangerLink";
  /** Accessible name when the visible text alone is ambiguous (a button per table row). */
  label?: string;
  redirectTo?: string;
  size?: "normal" | "small";
}) {
  const router = useRouter();
  const submissionKey = useSubmissionKey();
  const [state, dispatch, pending] = useActionState<ActionResult<Result> | null, FormData>(async (previous, data) => {
    const result = await action(previous, data);
    if (result.ok) submissionKey.renew();
    if (result.ok && redirectTo) router.push(redirectTo);
    return result;
  }, null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirm && !window.confirm(confirm)) return;
    const data = submissionKey.stamp(new FormData(event.currentTarget));
    startTransition(() => dispatch(data));
  }

  const className =
    variant === "link" || variant === "dangerLink"
      ? cx(LINK, variant === "link" ? "text-brand-700" : "text-red-800")
      : cx(variant === "danger" ? DANGER : buttonClassName(variant), size === "small" && "min-h-9 px-3 py-1.5");
  return (
    <form onSubmit={onSubmit} className="inline-flex flex-col items-start gap-1" aria-busy={pending || undefined}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" disabled={pending} aria-label={label} className={className}>
        {pending && pendingLabel ? pendingLabel : children}
      </button>
      {state && !state.ok ? (
        <p role="alert" className="max-w-xs text-sm font-medium text-red-800">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
