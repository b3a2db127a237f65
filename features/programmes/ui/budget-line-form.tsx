"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button, buttonClassName } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert, FormNotice } from "@/components/ui/form-alert";
import { RupiahField } from "@/components/ui/rupiah-field";
import { SelectField } from "@/components/ui/select-field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import { VersionField } from "@/components/ui/version-field";
import type { AidBudgetMode, FundingSource } from "@/lib/generated/prisma/enums";
import { AID_BUDGET_MODES, defaultAidMode } from "@/features/budget/aid-mode";
import { programmesRoutes } from "@/features/programmes/routes";

type Result = { budgetLineId: string; programmeId: string };

type Props = {
  action: FormAction<Result>;
  sources: readonly FundingSource[];
  tenantSlug: string;
} & (
  | { mode: "create"; programmeId: string }
  | {
      mode: "edit";
      line: {
        id: string;
        programmeId: string;
        fundingSource: FundingSource;
        partnerName: string | null;
        aidMode: AidBudgetMode;
        description: string;
        accountCode: string | null;
        pagu: string;
        version: number;
      };
    }
);

/** A budget line: funding source (CSR with its company), what is bought, and the pagu. */
export function BudgetLineForm(props: Props) {
  // After adding a line the form starts blank again, with the confirmation above it.
  const [round, setRound] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      {notice ? <FormNotice>{notice}</FormNotice> : null}
      <BudgetLineFormRound
        key={round}
        {...props}
        onCreated={(message) => {
          setNotice(message);
          setRound((n) => n + 1);
        }}
      />
    </div>
  );
}

function BudgetLineFormRound(props: Props & { onCreated: (message: string) => void }) {
  const t = useTranslations("Programmes");
  const router = useRouter();
  const { mode, tenantSlug } = props;
  const { state, pending, formRef, onSubmit, fieldError, formError } = useActionForm<Result>(async (previous, data) => {
    const result = await props.action(previous, data);
    if (result.ok && mode === "edit") router.push(programmesRoutes.detail(tenantSlug, result.data.programmeId));
    return result;
  });
  const line = props.mode === "edit" ? props.line : null;
  const [source, setSource] = useState<FundingSource | "">(line?.fundingSource ?? "");
  // Follows the source (defaultAidMode) until the user picks one.
  const [aidMode, setAidMode] = useState<AidBudgetMode | null>(line?.aidMode ?? null);
  const shownAidMode = aidMode ?? (source ? defaultAidMode(source) : "");
  // A stale save reloads the line: show its current source, as the keyed form shows the rest.
  const [shownVersion, setShownVersion] = useState(line?.version);
  if (line && line.version !== shownVersion) {
    setShownVersion(line.version);
    setSource(line.fundingSource);
    setAidMode(line.aidMode);
  }
  const hasFieldErrors = Boolean(state && !state.ok && state.fieldErrors && Object.keys(state.fieldErrors).length);
  const { onCreated } = props;

  useEffect(() => {
    if (state?.ok && mode === "create") onCreated(state.message ?? "");
  }, [state, mode, onCreated]);

  const idPrefix = line ? `line-${line.id}` : "line-new";
  return (
    <form key={line?.version} ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending || undefined}>
      {formError ? <FormAlert>{hasFieldErrors ? t("form.errorSummary") : formError}</FormAlert> : null}
      {props.mode === "create" ? <input type="hidden" name="programmeId" value={props.programmeId} /> : null}
      {line ? <input type="hidden" name="budgetLineId" value={line.id} /> : null}
      {line ? <VersionField version={line.version} /> : null}
      <div className="grid grid-cols-1 items-start gap-4 md:grid-cols-[14rem_minmax(0,1fr)_15rem]">
        <SelectField
          id={`${idPrefix}-source`}
          name="fundingSource"
          label={t("lineForm.fundingSource")}
          value={source}
          onChange={(event) => setSource(event.target.value as FundingSource)}
          required
          error={fieldError("fundingSource")}
        >
          <option value="" disabled>
            {t("lineForm.fundingSourcePlaceholder")}
          </option>
          {props.sources.map((value) => (
            <option key={value} value={value}>
              {t(`sources.${value}`)}
            </option>
          ))}
        </SelectField>
        <Field
          id={`${idPrefix}-description`}
          name="description"
          label={t("lineForm.description")}
          placeholder={t("lineForm.descriptionPlaceholder")}
          defaultValue={line?.description}
          autoComplete="off"
          required
          maxLength={300}
          error={fieldError("description")}
        />
        <RupiahField
          id={`${idPrefix}-pagu`}
          name="pagu"
          label={t("lineForm.pagu")}
          placeholder="1.500.000"
          defaultValue={line?.pagu}
          required
          error={fieldError("pagu")}
          example={t("lineForm.paguHint")}
          preview={(amount) => t("rupiahPreview", { amount })}
        />
      </div>
      <Field
        id={`${idPrefix}-account-code`}
        name="accountCode"
        label={t("lineForm.accountCode")}
        hint={t("lineForm.accountCodeHint")}
        defaultValue={line?.accountCode ?? ""}
        autoComplete="off"
        spellCheck={false}
        maxLength={40}
        error={fieldError("accountCode")}
        className="md:max-w-md"
      />
      {/* A partner only means something for CSR (required) and other funders. */}
      {source === "CSR" || source === "OTHER" ? (
        <Field
          id={`${idPrefix}-partner`}
          name="partnerName"
          label={t("lineForm.partnerName")}
          hint={t("lineForm.partnerHint")}
          defaultValue={line?.partnerName ?? ""}
          autoComplete="off"
          required={source === "CSR"}
          maxLength={160}
          error={fieldError("partnerName")}
          className="md:max-w-xl"
        />
      ) : null}
      <SelectField
        id={`${idPrefix}-aid-mode`}
        name="aidMode"
        label={t("lineForm.aidMode")}
        hint={t("lineForm.aidModeHint")}
        value={shownAidMode}
        onChange={(event) => setAidMode(event.target.value as AidBudgetMode)}
        error={fieldError("aidMode")}
        className="md:max-w-2xl"
      >
        {shownAidMode === "" ? <option value="" /> : null}
        {AID_BUDGET_MODES.map((value) => (
          <option key={value} value={value}>
            {t(`aidModes.${value}`)}
          </option>
        ))}
      </SelectField>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("lineForm.saving") : line ? t("lineForm.save") : t("lineForm.create")}
        </Button>
        {line ? (
          <Link href={programmesRoutes.detail(props.tenantSlug, line.programmeId)} className={buttonClassName("secondary")}>
            {t("lineForm.cancel")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
