"use client";

import { startTransition, useActionState, useId, useState, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert, FormNotice } from "@/components/ui/form-alert";
import type { FormAction } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/actions/define";
import { cx } from "./class-names";

/** What every verify action returns: how many it verified, how many someone had verified already. */
export type VerifyResult = { verified: number; alreadyVerified: number };

export type VerifyTableColumn = {
  label: string;
  /** Right-aligned tabular figures that do not wrap. */
  numeric?: boolean;
  /** More classes for the column's cells. */
  className?: string;
};

export type VerifyTableRow = {
  id: string;
  /** A draft the head may verify; other rows have neither box nor button. */
  selectable: boolean;
  /** The box's accessible name ("Pilih entri Maret 2024, Rp 1.500.000"). */
  selectLabel: string;
  /** The row button's accessible name. */
  verifyLabel: string;
  /** One per column. */
  cells: readonly ReactNode[];
};

/** The page's own words; the counts are formatted by the page's messages. */
export type VerifyTableText = {
  empty: string;
  /** The select-all box; `drafts` is how many rows it ticks. */
  selectAll: (drafts: number) => string;
  verifySelected: (count: number) => string;
  verifying: string;
  verifyOne: string;
  done: (count: number) => string;
  already: (count: number) => string;
  /** The hidden heading of the box column ("end" buttons) or of the box-and-button column ("start"). */
  boxColumn: string;
  /** The hidden heading of the button column with `rowButton: "end"`. */
  buttonColumn?: string;
};

/**
 * Rows with a box each: the OPD head ticks drafts and verifies them together, or one with its
 * row's button; without `action` the table is read-only. The boxes and buttons belong to a
 * form of their own (the `form` attribute), so cells may hold forms, and Enter on a ticked
 * box verifies the ticked rows as in any form.
 */
export function VerifyTable({
  label,
  columns,
  rows,
  action,
  text,
  framed = true,
  rowButton = "end",
  alignTop = false,
}: {
  /** The scrolling region's accessible name. */
  label: string;
  columns: readonly VerifyTableColumn[];
  rows: readonly VerifyTableRow[];
  /** Present for the OPD head only. */
  action?: FormAction<VerifyResult>;
  text: VerifyTableText;
  /** A bordered table of its own; `false` inside a Card. */
  framed?: boolean;
  /** Where the row's button stands: "start" beside its box, in reach on a phone where the table scrolls sideways. */
  rowButton?: "start" | "end";
  /** Cells at the top of their row, for rows of several lines. */
  alignTop?: boolean;
}) {
  const formId = useId();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [state, dispatch, pending] = useActionState<ActionResult<VerifyResult> | null, FormData>(
    async (previous, data) => (action ? action(previous, data) : previous),
    null,
  );
  const drafts = rows.filter((row) => row.selectable);
  const canVerify = Boolean(action) && drafts.length > 0;
  const allSelected = drafts.length > 0 && drafts.every((row) => selected.has(row.id));
  const top = alignTop ? "align-top" : "";

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
    // A row's own button verifies that row only; the bulk button (and Enter) the ticked ones.
    const ids = submitter?.name === "single" ? [submitter.value] : [...selected];
    for (const id of ids) data.append("ids", id);
    setSelected(new Set());
    startTransition(() => dispatch(data));
  }

  const rowButtonFor = (row: VerifyTableRow) => (
    <button
      type="submit"
      form={formId}
      name="single"
      value={row.id}
      disabled={pending}
      aria-label={row.verifyLabel}
      className="inline-flex min-h-9 items-center rounded-md border border-line bg-white px-3 py-1.5 text-sm font-medium text-brand-800 hover:bg-brand-50 disabled:opacity-60"
    >
      {text.verifyOne}
    </button>
  );
  const boxFor = (row: VerifyTableRow) => (
    <input
      type="checkbox"
      form={formId}
      checked={selected.has(row.id)}
      onChange={(event) => toggle(row.id, event.target.checked)}
      aria-label={row.selectLabel}
      className="size-4 accent-brand-700"
    />
  );

  return (
    <div aria-busy={pending || undefined} className="space-y-3">
      {canVerify ? <form id={formId} onSubmit={onSubmit} hidden /> : null}
      {state && !state.ok ? <FormAlert>{state.message}</FormAlert> : null}
      {state?.ok ? (
        <FormNotice>
          {text.done(state.data.verified)}
          {state.data.alreadyVerified > 0 ? ` ${text.already(state.data.alreadyVerified)}` : ""}
        </FormNotice>
      ) : null}
      {rows.length === 0 ? <p className={framed ? "rounded-lg border border-line bg-white p-5 text-muted" : "p-4 text-muted sm:p-5"}>{text.empty}</p> : null}
      {canVerify ? (
        <div className={cx("flex flex-wrap items-center gap-4", !framed && "px-4 pt-3 sm:px-5")}>
          <label className="flex items-center gap-2 text-sm font-medium text-ink">
            <input
              type="checkbox"
              form={formId}
              checked={allSelected}
              onChange={(event) => setSelected(event.target.checked ? new Set(drafts.map((row) => row.id)) : new Set())}
              className="size-4 accent-brand-700"
            />
            {text.selectAll(drafts.length)}
          </label>
          <Button type="submit" form={formId} name="bulk" disabled={pending || selected.size === 0}>
            {pending ? text.verifying : text.verifySelected(selected.size)}
          </Button>
        </div>
      ) : null}
      {rows.length > 0 ? (
        <div
          role="region"
          aria-label={label}
          tabIndex={0}
          className={cx("relative overflow-x-auto contain-inline-size", framed && "rounded-lg border border-line bg-white shadow-xs")}
        >
          <table className="w-full border-collapse text-sm">
            <thead className="bg-brand-50 text-left text-brand-900">
              <tr>
                {canVerify ? (
                  <th scope="col" className={cx("px-3 py-2.5", rowButton === "end" && "w-10")}>
                    <span className="sr-only">{text.boxColumn}</span>
                  </th>
                ) : null}
                {columns.map((column) => (
                  <th key={column.label} scope="col" className={cx("px-3 py-2.5 font-semibold", alignTop && "align-bottom", column.numeric && "text-right")}>
                    {column.label}
                  </th>
                ))}
                {canVerify && rowButton === "end" ? (
                  <th scope="col" className="px-3 py-2.5">
                    <span className="sr-only">{text.buttonColumn}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {rows.map((row) => (
                <tr key={row.id} className={selected.has(row.id) ? "bg-brand-50" : "bg-white"}>
                  {canVerify ? (
                    <td className={cx("px-3 py-2", top)}>
                      {row.selectable && rowButton === "start" ? (
                        <span className="flex items-center gap-3">
                          {boxFor(row)}
                          {rowButtonFor(row)}
                        </span>
                      ) : row.selectable ? (
                        boxFor(row)
                      ) : null}
                    </td>
                  ) : null}
                  {row.cells.map((cell, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a cell's place is its column
                    <td key={i} className={cx("px-3 py-2", top, columns[i]?.numeric && "text-right tabular-nums whitespace-nowrap", columns[i]?.className)}>
                      {cell}
                    </td>
                  ))}
                  {canVerify && rowButton === "end" ? <td className={cx("px-3 py-2 text-right", top)}>{row.selectable ? rowButtonFor(row) : null}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
