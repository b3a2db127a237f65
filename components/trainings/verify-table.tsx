"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert, FormNotice } from "@/components/ui/form-alert";
import type { FormAction } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/actions/define";

export type VerifyRow = {
  id: string;
  /** Names the row for screen readers ("Pilih Menjahit, 4 Mar 2024"). */
  label: string;
  /** A draft the head may verify. */
  selectable: boolean;
  cells: ReactNode[];
};

type Result = { verified: number; alreadyVerified: number };

/**
 * A table whose draft rows the OPD head ticks and verifies together, or one by one with the
 * row's button. The rows' own cells may hold forms: the checkboxes are not in one.
 */
export function VerifyTable({
  label,
  columns,
  rows,
  action,
  empty,
}: {
  label: string;
  columns: readonly { label: string; numeric?: boolean }[];
  rows: readonly VerifyRow[];
  /** Present for the OPD head only. */
  action?: FormAction<Result>;
  empty: string;
}) {
  const t = useTranslations("Trainings.verify");
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [state, dispatch, pending] = useActionState<ActionResult<Result> | null, FormData>(
    async (previous, data) => (action ? action(previous, data) : previous),
    null,
  );
  const drafts = rows.filter((row) => row.selectable);
  const canVerify = Boolean(action) && drafts.length > 0;
  const allSelected = drafts.length > 0 && drafts.every((row) => selected.has(row.id));

  function verify(ids: readonly string[]) {
    const data = new FormData();
    for (const id of ids) data.append("ids", id);
    setSelected(new Set());
    startTransition(() => dispatch(data));
  }

  function toggle(id: string, on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  return (
    <div className="space-y-3" aria-busy={pending || undefined}>
      {state && !state.ok ? <FormAlert>{state.message}</FormAlert> : null}
      {state?.ok ? (
        <FormNotice>
          {t("done", { count: state.data.verified })}
          {state.data.alreadyVerified > 0 ? ` ${t("already", { count: state.data.alreadyVerified })}` : ""}
        </FormNotice>
      ) : null}
      {canVerify ? (
        <div className="flex flex-wrap items-center gap-4 px-4 pt-3 sm:px-5">
          <label className="flex items-center gap-2 text-sm font-medium text-ink">
            <input
              type="checkbox"
              checked={allSelected}
              onChange={(event) => setSelected(event.target.checked ? new Set(drafts.map((row) => row.id)) : new Set())}
              className="size-4 accent-brand-700"
            />
            {t("selectAll", { count: drafts.length })}
          </label>
          <Button type="button" onClick={() => verify([...selected])} disabled={pending || selected.size === 0}>
            {pending ? t("verifying") : t("verifySelected", { count: selected.size })}
          </Button>
        </div>
      ) : null}
      {rows.length === 0 ? (
        <p className="p-4 text-muted sm:p-5">{empty}</p>
      ) : (
        <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <thead className="bg-brand-50 text-left text-brand-900">
              <tr>
                {canVerify ? (
                  <th scope="col" className="w-10 px-3 py-2.5">
                    <span className="sr-only">{t("select")}</span>
                  </th>
                ) : null}
                {columns.map((column) => (
                  <th key={column.label} scope="col" className={`px-3 py-2.5 align-bottom font-semibold ${column.numeric ? "text-right" : ""}`}>
                    {column.label}
                  </th>
                ))}
                {canVerify ? (
                  <th scope="col" className="px-3 py-2.5">
                    <span className="sr-only">{t("verifyColumn")}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {rows.map((row) => (
                <tr key={row.id} className={selected.has(row.id) ? "bg-brand-50" : "bg-white"}>
                  {canVerify ? (
                    <td className="px-3 py-2 align-top">
                      {row.selectable ? (
                        <input
                          type="checkbox"
                          checked={selected.has(row.id)}
                          onChange={(event) => toggle(row.id, event.target.checked)}
                          aria-label={t("selectRow", { label: row.label })}
                          className="size-4 accent-brand-700"
                        />
                      ) : null}
                    </td>
                  ) : null}
                  {row.cells.map((cell, i) => (
                    <td key={i} className={`px-3 py-2 align-top ${columns[i]?.numeric ? "text-right tabular-nums whitespace-nowrap" : ""}`}>
                      {cell}
                    </td>
                  ))}
                  {canVerify ? (
                    <td className="px-3 py-2 text-right align-top">
                      {row.selectable ? (
                        <button
                          type="button"
                          onClick={() => verify([row.id])}
                          disabled={pending}
                          aria-label={t("verifyRow", { label: row.label })}
                          className="inline-flex min-h-9 items-center rounded-md border border-line bg-white px-3 py-1.5 text-sm font-medium text-brand-800 hover:bg-brand-50 disabled:opacity-60"
                        >
                          {t("verifyOne")}
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
