"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useState, type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormAlert, FormNotice } from "@/components/ui/form-alert";
import type { FormAction } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/actions/define";

/** A distribution as the table shows it: every text already formatted, numbers masked. */
export type DistributionTableRow = {
  id: string;
  href: string;
  date: string;
  kind: string;
  items: string;
  value: string;
  recipient: string;
  recipientDetail: string;
  programme: string;
  opd: string | null;
  status: "DRAFT" | "VERIFIED";
  isReversal: boolean;
  reversed: boolean;
  duplicateAcknowledged: boolean;
};

type Result = { verified: number; alreadyVerified: number };

/**
 * Distributions in a table. With `verifyAction` (the OPD head, on drafts) each row has a box
 * and its own button, and the ticked ones are verified together.
 */
export function DistributionTable({ rows, label, verifyAction }: { rows: readonly DistributionTableRow[]; label: string; verifyAction?: FormAction<Result> }) {
  const t = useTranslations("Aid");
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [state, dispatch, pending] = useActionState<ActionResult<Result> | null, FormData>(
    async (previous, data) => (verifyAction ? verifyAction(previous, data) : previous),
    null,
  );
  const canVerify = Boolean(verifyAction);
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
          {t("verify.done", { count: state.data.verified })}
          {state.data.alreadyVerified > 0 ? ` ${t("verify.already", { count: state.data.alreadyVerified })}` : ""}
        </FormNotice>
      ) : null}
      {rows.length === 0 ? <p className="rounded-lg border border-line bg-white p-5 text-muted">{t("list.none")}</p> : null}
      {canVerify && rows.length > 0 ? (
        <div className="flex flex-wrap items-center gap-4">
          <label className="flex items-center gap-2 text-sm font-medium text-ink">
            <input
              type="checkbox"
              checked={allSelected}
              onChange={(event) => setSelected(event.target.checked ? new Set(rows.map((row) => row.id)) : new Set())}
              className="size-4 accent-brand-700"
            />
            {t("verify.selectAll")}
          </label>
          <Button type="submit" name="bulk" disabled={pending || selected.size === 0}>
            {pending ? t("verify.verifying") : t("verify.selected", { count: selected.size })}
          </Button>
        </div>
      ) : null}
      {rows.length > 0 ? (
        <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto rounded-lg border border-line bg-white shadow-xs">
          <table className="w-full border-collapse text-sm">
            <thead className="bg-brand-50 text-left text-brand-900">
              <tr>
                {canVerify ? (
                  <th scope="col" className="px-3 py-2.5">
                    <span className="sr-only">{t("columns.actions")}</span>
                  </th>
                ) : null}
                <th scope="col" className="px-3 py-2.5 font-semibold">{t("columns.date")}</th>
                <th scope="col" className="px-3 py-2.5 font-semibold">{t("columns.recipient")}</th>
                <th scope="col" className="px-3 py-2.5 font-semibold">{t("columns.aid")}</th>
                <th scope="col" className="px-3 py-2.5 text-right font-semibold">{t("columns.value")}</th>
                <th scope="col" className="px-3 py-2.5 font-semibold">{t("columns.programme")}</th>
                <th scope="col" className="px-3 py-2.5 font-semibold">{t("columns.status")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {rows.map((row) => (
                <tr key={row.id} className={selected.has(row.id) ? "bg-brand-50" : "bg-white"}>
                  {canVerify ? (
                    <td className="px-3 py-2">
                      {/* The row's own button comes first: on a phone the table scrolls sideways and the end is out of reach. */}
                      <span className="flex items-center gap-3">
                        <input
                          type="checkbox"
                          checked={selected.has(row.id)}
                          onChange={(event) => toggle(row.id, event.target.checked)}
                          aria-label={t("verify.select", { recipient: row.recipient, date: row.date })}
                          className="size-4 accent-brand-700"
                        />
                        <button
                          type="submit"
                          name="single"
                          value={row.id}
                          disabled={pending}
                          aria-label={t("verify.oneLabel", { recipient: row.recipient, date: row.date })}
                          className="inline-flex min-h-9 items-center rounded-md border border-line bg-white px-3 py-1.5 text-sm font-medium text-brand-800 hover:bg-brand-50 disabled:opacity-60"
                        >
                          {t("verify.one")}
                        </button>
                      </span>
                    </td>
                  ) : null}
                  <td className="px-3 py-2 whitespace-nowrap">
                    <Link href={row.href} className="font-medium text-brand-800 underline-offset-2 hover:underline">
                      {row.date}
                    </Link>
                  </td>
                  <td className="px-3 py-2">
                    {row.recipient}
                    <span className="block font-mono text-xs text-muted">{row.recipientDetail}</span>
                  </td>
                  <td className="max-w-64 px-3 py-2">
                    {row.kind}
                    <span className="block text-xs text-muted">{row.items}</span>
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums whitespace-nowrap">{row.value}</td>
                  <td className="px-3 py-2">
                    {row.programme}
                    {showOpd && row.opd ? <span className="block text-xs text-muted">{row.opd}</span> : null}
                  </td>
                  <td className="px-3 py-2">
                    <span className="flex flex-wrap gap-1">
                      <Badge tone={row.status === "VERIFIED" ? "positive" : "neutral"}>{t(`status.${row.status}`)}</Badge>
                      {row.isReversal ? <Badge tone="muted">{t("status.reversal")}</Badge> : null}
                      {row.reversed ? <Badge tone="muted">{t("status.reversed")}</Badge> : null}
                      {row.duplicateAcknowledged ? <Badge tone="muted">{t("status.duplicateAcknowledged")}</Badge> : null}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </form>
  );
}
