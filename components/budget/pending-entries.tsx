"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useState, type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormAlert, FormNotice } from "@/components/ui/form-alert";
import type { FormAction } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/actions/define";

export type PendingRow = {
  id: string;
  month: string;
  amount: string;
  isReversal: boolean;
  programme: string;
  line: string;
  href: string;
  opd: string | null;
  note: string | null;
  entered: string;
};

type Result = { verified: number; alreadyVerified: number };

/**
 * Drafts awaiting the OPD head. The head ticks several and verifies them together, or
 * verifies one with its row's button; everyone else sees the list read-only.
 */
export function PendingEntries({ rows, canVerify, action }: { rows: readonly PendingRow[]; canVerify: boolean; action?: FormAction<Result> }) {
  const t = useTranslations("Budget");
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [state, dispatch, pending] = useActionState<ActionResult<Result> | null, FormData>(
    async (previous, data) => (action ? action(previous, data) : previous),
    null,
  );
  const showOpd = rows.some((row) => row.opd);
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.id));

  function toggle(id: string, on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData();
    // A row's own button verifies that row only; the bulk button the ticked ones.
    const ids = submitter?.name === "single" ? [submitter.value] : [...selected];
    for (const id of ids) data.append("ids", id);
    setSelected(new Set());
    startTransition(() => dispatch(data));
  }

  return (
    <form onSubmit={onSubmit} aria-busy={pending || undefined} className="space-y-3">
      {state && !state.ok ? <FormAlert>{state.message}</FormAlert> : null}
      {state?.ok ? (
        <FormNotice>
          {t("pending.verified", { count: state.data.verified })}
          {state.data.alreadyVerified > 0 ? ` ${t("pending.alreadyVerified", { count: state.data.alreadyVerified })}` : ""}
        </FormNotice>
      ) : null}
      {rows.length === 0 ? <p className="rounded-lg border border-line bg-white p-5 text-muted">{t("pending.none")}</p> : null}
      {canVerify && rows.length > 0 ? (
        <div className="flex flex-wrap items-center gap-4">
          <label className="flex items-center gap-2 text-sm font-medium text-ink">
            <input
              type="checkbox"
              checked={allSelected}
              onChange={(event) => setSelected(event.target.checked ? new Set(rows.map((row) => row.id)) : new Set())}
              className="size-4 accent-brand-700"
            />
            {t("pending.selectAll")}
          </label>
          <Button type="submit" name="bulk" disabled={pending || selected.size === 0}>
            {pending ? t("pending.verifying") : t("pending.verifySelected", { count: selected.size })}
          </Button>
        </div>
      ) : null}
      {rows.length > 0 ? (
      <div role="region" aria-label={t("pending.label")} tabIndex={0} className="overflow-x-auto rounded-lg border border-line bg-white shadow-xs">
        <table className="w-full border-collapse text-sm">
          <thead className="bg-brand-50 text-left text-brand-900">
            <tr>
              {canVerify ? (
                <th scope="col" className="w-10 px-3 py-2.5">
                  <span className="sr-only">{t("pending.selectAll")}</span>
                </th>
              ) : null}
              <th scope="col" className="px-3 py-2.5 font-semibold">{t("entryColumns.month")}</th>
              <th scope="col" className="px-3 py-2.5 font-semibold">{t("columns.line")}</th>
              <th scope="col" className="px-3 py-2.5 text-right font-semibold">{t("entryColumns.amount")}</th>
              <th scope="col" className="px-3 py-2.5 font-semibold">{t("entryColumns.note")}</th>
              <th scope="col" className="px-3 py-2.5 font-semibold">{t("entryColumns.enteredBy")}</th>
              {canVerify ? (
                <th scope="col" className="px-3 py-2.5">
                  <span className="sr-only">{t("entryColumns.actions")}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {rows.map((row) => (
              <tr key={row.id} className={selected.has(row.id) ? "bg-brand-50" : "bg-white"}>
                {canVerify ? (
                  <td className="px-3 py-2">
                    <input
                      type="checkbox"
                      checked={selected.has(row.id)}
                      onChange={(event) => toggle(row.id, event.target.checked)}
                      aria-label={t("pending.select", { month: row.month, amount: row.amount })}
                      className="size-4 accent-brand-700"
                    />
                  </td>
                ) : null}
                <td className="px-3 py-2 whitespace-nowrap">{row.month}</td>
                <td className="px-3 py-2">
                  <Link href={row.href} className="font-medium text-brand-800 underline-offset-2 hover:underline">
                    {row.programme}
                  </Link>
                  <span className="block text-xs text-muted">
                    {showOpd && row.opd ? `${row.opd} · ` : ""}
                    {row.line}
                  </span>
                </td>
                <td className="px-3 py-2 text-right tabular-nums whitespace-nowrap">
                  {row.amount}
                  {row.isReversal ? (
                    <span className="mt-0.5 block">
                      <Badge tone="muted">{t("status.reversal")}</Badge>
                    </span>
                  ) : null}
                </td>
                <td className="max-w-56 px-3 py-2 text-muted">{row.note}</td>
                <td className="px-3 py-2 text-muted">{row.entered}</td>
                {canVerify ? (
                  <td className="px-3 py-2 text-right">
                    <button
                      type="submit"
                      name="single"
                      value={row.id}
                      disabled={pending}
                      aria-label={t("actions.verifyLabel", { month: row.month, amount: row.amount })}
                      className="inline-flex min-h-9 items-center rounded-md border border-line bg-white px-3 py-1.5 text-sm font-medium text-brand-800 hover:bg-brand-50 disabled:opacity-60"
                    >
                      {t("pending.verifyOne")}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      ) : null}
    </form>
  );
}
