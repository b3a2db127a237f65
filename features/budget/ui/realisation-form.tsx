"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button, buttonClassName } from "@/components/ui/button";
import { cx } from "@/components/ui/class-names";
import { Field } from "@/components/ui/field";
import { FormAlert, FormNotice } from "@/components/ui/form-alert";
import { RupiahField } from "@/components/ui/rupiah-field";
import { SelectField } from "@/components/ui/select-field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import { VersionField } from "@/components/ui/version-field";

type Result = { realisationId: string; budgetLineId: string };

export type LineChoice = { id: string; label: string };
export type MonthChoice = { value: number; label: string };

type Props = {
  action: FormAction<Result>;
  /** Months that can be recorded (the year's months up to this one). */
  months: readonly MonthChoice[];
} & (
  | { mode: "create"; lines: readonly LineChoice[]; budgetLineId?: never; defaultMonth: number | null }
  | { mode: "create"; lines?: never; budgetLineId: string; defaultMonth: number | null }
  | { mode: "edit"; entry: { id: string; month: number; referenceNo: string | null; amount: string; note: string | null; version: number }; doneHref: string }
);

/** A month's spending on a budget line, saved as a draft; or changes to a draft. */
export function RealisationForm(props: Props) {
  const [round, setRound] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  // The next entry often goes to the same line and month: keep them after saving.
  const [sticky, setSticky] = useState<Sticky>({});
  return (
    <div className="space-y-3">
      {notice ? <FormNotice>{notice}</FormNotice> : null}
      <RealisationFormRound
        key={round}
        {...props}
        sticky={sticky}
        onCreated={(message, kept) => {
          setNotice(message);
          setSticky(kept);
          setRound((n) => n + 1);
        }}
      />
    </div>
  );
}

type Sticky = { budgetLineId?: string; month?: string };

function RealisationFormRound(props: Props & { sticky: Sticky; onCreated: (message: string, kept: Sticky) => void }) {
  const t = useTranslations("Budget.entry");
  const tp = useTranslations("Programmes");
  const router = useRouter();
  const doneHref = props.mode === "edit" ? props.doneHref : null;
  // An edited draft leaves the edit view as the action answers, before the page refreshes.
  const { state, pending, formRef, onSubmit, fieldError, formError } = useActionForm<Result>(async (previous, data) => {
    const result = await props.action(previous, data);
    if (result.ok && doneHref) router.replace(doneHref);
    return result;
  });
  const hasFieldErrors = Boolean(state && !state.ok && state.fieldErrors && Object.keys(state.fieldErrors).length);
  const entry = props.mode === "edit" ? props.entry : null;
  const { onCreated } = props;

  useEffect(() => {
    if (!state?.ok || doneHref) return;
    const form = formRef.current;
    const value = (name: string) => (form?.elements.namedItem(name) as HTMLSelectElement | HTMLInputElement | null)?.value || undefined;
    onCreated(state.message ?? "", { budgetLineId: value("budgetLineId"), month: value("month") });
  }, [state, doneHref, onCreated, formRef]);

  const lines = props.mode === "create" ? props.lines : undefined;
  const idPrefix = entry ? `entry-${entry.id}` : "entry-new";
  const defaultMonth = entry ? String(entry.month) : (props.sticky.month ?? (props.mode === "create" && props.defaultMonth ? String(props.defaultMonth) : ""));

  return (
    <form key={entry?.version} ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-busy={pending || undefined}>
      {formError ? <FormAlert>{hasFieldErrors ? t("errorSummary") : formError}</FormAlert> : null}
      {entry ? <input type="hidden" name="realisationId" value={entry.id} /> : null}
      {entry ? <VersionField version={entry.version} /> : null}
      {props.mode === "create" && props.budgetLineId ? <input type="hidden" name="budgetLineId" value={props.budgetLineId} /> : null}
      <div
        className={cx(
          "grid items-start gap-4",
          lines ? "md:grid-cols-2 xl:grid-cols-[minmax(0,1.4fr)_10.5rem_12rem_14rem_minmax(0,1fr)]" : "md:grid-cols-[10rem_12rem_15rem_minmax(0,1fr)]",
        )}
      >
        {lines ? (
          <SelectField
            id={`${idPrefix}-line`}
            name="budgetLineId"
            label={t("line")}
            defaultValue={props.sticky.budgetLineId ?? ""}
            required
            error={fieldError("budgetLineId")}
          >
            <option value="" disabled>
              {t("linePlaceholder")}
            </option>
            {lines.map((line) => (
              <option key={line.id} value={line.id}>
                {line.label}
              </option>
            ))}
          </SelectField>
        ) : null}
        <SelectField id={`${idPrefix}-month`} name="month" label={t("month")} defaultValue={defaultMonth} required error={fieldError("month")}>
          <option value="" disabled>
            {t("monthPlaceholder")}
          </option>
          {props.months.map((month) => (
            <option key={month.value} value={month.value}>
              {month.label}
            </option>
          ))}
        </SelectField>
        <Field
          id={`${idPrefix}-reference`}
          name="referenceNo"
          label={t("referenceNo")}
          placeholder={t("referenceNoPlaceholder")}
          defaultValue={entry?.referenceNo ?? ""}
          autoComplete="off"
          maxLength={60}
          required
          error={fieldError("referenceNo")}
        />
        <RupiahField
          id={`${idPrefix}-amount`}
          name="amount"
          label={t("amount")}
          placeholder="1.500.000"
          defaultValue={entry?.amount}
          required
          error={fieldError("amount")}
          example={t("amountHint")}
          preview={(amount) => tp("rupiahPreview", { amount })}
        />
        <Field
          id={`${idPrefix}-note`}
          name="note"
          label={t("note")}
          placeholder={t("notePlaceholder")}
          defaultValue={entry?.note ?? ""}
          autoComplete="off"
          maxLength={500}
          error={fieldError("note")}
        />
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : entry ? t("save") : t("submit")}
        </Button>
        {doneHref ? (
          <Link href={doneHref} className={buttonClassName("secondary")}>
            {t("cancel")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
