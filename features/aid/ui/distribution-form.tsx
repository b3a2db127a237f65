"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button, buttonClassName } from "@/components/ui/button";
import { DateField } from "@/components/ui/date-field";
import { Field } from "@/components/ui/field";
import { MonthField } from "@/components/ui/month-field";
import { FormAlert, FormNotice } from "@/components/ui/form-alert";
import { RupiahField } from "@/components/ui/rupiah-field";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import { VersionField } from "@/components/ui/version-field";
import { DuplicateWarning } from "./duplicate-warning";

type Result = { distributionId: string; duplicateAcknowledged: boolean };
type Choice = { id: string; label: string };

export type DistributionFormProps = {
  action: FormAction<Result>;
  householdId: string;
  programmes: readonly Choice[];
  budgetLines: readonly Choice[];
  members: readonly Choice[];
  participations: readonly Choice[];
  kinds: readonly { value: string; label: string }[];
  defaultDate: string;
  /** Filled in when the clerk comes from a training's graduate: a tool kit for that participant. */
  preset?: { kind: string; memberId: string; trainingParticipantId: string };
  /** A draft being fixed: the form shows what it holds, saves at its version and goes to `doneHref`. */
  edit?: { draft: DistributionDraft; doneHref: string };
};

/**
 * A draft as the form shows it: the form's own strings (Rupiah as typed in Indonesia, the
 * cover's month as yyyy-mm). `bpjsNumber` is null for a clerk who may not see it: left blank,
 * the save keeps the number recorded (`bpjsNumberMasked` says which).
 */
export type DistributionDraft = {
  id: string;
  version: number;
  programmeId: string;
  budgetLineId: string | null;
  memberId: string | null;
  trainingParticipantId: string | null;
  kind: string;
  items: string;
  quantity: string;
  value: string;
  distributedAt: string;
  handedOverBy: string | null;
  proofRef: string | null;
  partnerName: string | null;
  monthsCovered: string | null;
  bpjsNumber: string | null;
  bpjsNumberMasked: string | null;
  coverageStart: string | null;
  premiumPerMonth: string | null;
  note: string | null;
};

/** A handover to the picked household, saved as a draft; a new round after each save. Or a draft's fix. */
export function DistributionForm(props: DistributionFormProps) {
  const [round, setRound] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      {notice ? <FormNotice>{notice}</FormNotice> : null}
      <DistributionFormRound
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

function DistributionFormRound(props: DistributionFormProps & { onCreated: (message: string) => void }) {
  const t = useTranslations("Aid.form");
  const errors = useTranslations("Aid.errors");
  const router = useRouter();
  const draft = props.edit?.draft ?? null;
  const doneHref = props.edit?.doneHref ?? null;
  // A fixed draft leaves the edit view as the action answers, before the page refreshes.
  const { state, pending, formRef, onSubmit, fieldError, formError } = useActionForm<Result>(async (previous, data) => {
    const result = await props.action(previous, data);
    if (result.ok && doneHref) router.replace(doneHref);
    return result;
  });
  const proofTaken = state && !state.ok && state.code === "NUMBER_TAKEN";
  const acknowledge = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState(draft?.kind ?? props.preset?.kind ?? "");
  const duplicate = state && !state.ok ? state.fieldErrors?.duplicate : undefined;
  const otherFieldErrors = Boolean(state && !state.ok && state.fieldErrors && Object.keys(state.fieldErrors).some((key) => key !== "duplicate"));
  const { onCreated } = props;

  useEffect(() => {
    if (state?.ok && !doneHref) onCreated(state.message ?? "");
  }, [state, doneHref, onCreated]);

  const id = (name: string) => `aid-${name}`;
  return (
    <form key={draft?.version} ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending || undefined}>
      {formError && !duplicate ? <FormAlert>{otherFieldErrors ? t("errorSummary") : formError}</FormAlert> : null}
      {duplicate ? (
        <DuplicateWarning
          lines={duplicate}
          pending={pending}
          onConfirm={() => {
            if (acknowledge.current) acknowledge.current.value = "1";
          }}
        />
      ) : null}
      <input type="hidden" name="householdId" value={props.householdId} />
      {draft ? <input type="hidden" name="distributionId" value={draft.id} /> : null}
      {draft ? <VersionField version={draft.version} /> : null}
      <input ref={acknowledge} type="hidden" name="acknowledgeDuplicate" defaultValue="" />
      <div className="grid grid-cols-1 items-start gap-4 md:grid-cols-2 xl:grid-cols-3">
        <SelectField
          id={id("programme")}
          name="programmeId"
          label={t("programme")}
          defaultValue={draft?.programmeId ?? ""}
          required
          error={fieldError("programmeId")}
        >
          <option value="" disabled>
            {t("programmePlaceholder")}
          </option>
          {props.programmes.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.label}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={id("kind")}
          name="kind"
          label={t("kind")}
          value={kind}
          onChange={(event) => setKind(event.target.value)}
          required
          error={fieldError("kind")}
        >
          <option value="" disabled>
            {t("kindPlaceholder")}
          </option>
          {props.kinds.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </SelectField>
        <SelectField id={id("line")} name="budgetLineId" label={t("budgetLine")} defaultValue={draft?.budgetLineId ?? ""} error={fieldError("budgetLineId")}>
          <option value="">{t("noBudgetLine")}</option>
          {props.budgetLines.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.label}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={id("member")}
          name="memberId"
          label={kind === "INSURANCE_PREMIUM" ? t("memberRequired") : t("member")}
          defaultValue={draft ? (draft.memberId ?? "") : (props.preset?.memberId ?? "")}
          error={fieldError("memberId")}
        >
          <option value="">{t("wholeHousehold")}</option>
          {props.members.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.label}
            </option>
          ))}
        </SelectField>
        <Field
          id={id("items")}
          name="items"
          label={t("items")}
          placeholder={t("itemsPlaceholder")}
          required
          maxLength={300}
          defaultValue={draft?.items}
          autoComplete="off"
          error={fieldError("items")}
          className="md:col-span-2"
        />
        <Field
          id={id("quantity")}
          name="quantity"
          label={t("quantity")}
          inputMode="numeric"
          defaultValue={draft?.quantity ?? "1"}
          required
          error={fieldError("quantity")}
        />
        <RupiahField
          id={id("value")}
          name="value"
          label={t("value")}
          placeholder="1.500.000"
          defaultValue={draft?.value}
          required
          error={fieldError("value")}
          example={kind === "INSURANCE_PREMIUM" ? t("premiumValueHint") : t("valueHint")}
          preview={(amount) => t("valuePreview", { amount })}
        />
        <DateField
          id={id("date")}
          name="distributedAt"
          label={t("date")}
          defaultValue={draft?.distributedAt ?? props.defaultDate}
          required
          error={fieldError("distributedAt")}
        />
        <Field
          id={id("handedOverBy")}
          name="handedOverBy"
          label={t("handedOverBy")}
          autoComplete="off"
          maxLength={120}
          defaultValue={draft?.handedOverBy ?? ""}
          error={fieldError("handedOverBy")}
        />
        <Field
          id={id("proof")}
          name="proofRef"
          label={t("proofRef")}
          placeholder={t("proofPlaceholder")}
          autoComplete="off"
          maxLength={120}
          defaultValue={draft?.proofRef ?? ""}
          error={proofTaken ? errors("proofTaken") : fieldError("proofRef")}
        />
        {kind === "HOUSING" || kind === "CAPITAL" || kind === "OTHER" ? (
          <Field
            id={id("partner")}
            name="partnerName"
            label={kind === "HOUSING" ? t("partnerRequired") : t("partner")}
            autoComplete="off"
            maxLength={120}
            defaultValue={draft?.partnerName ?? ""}
            error={fieldError("partnerName")}
          />
        ) : null}
        {kind === "INSURANCE_PREMIUM" ? (
          <>
            <Field
              id={id("bpjsNumber")}
              name="bpjsNumber"
              label={t("bpjsNumber")}
              hint={draft?.bpjsNumberMasked && !draft.bpjsNumber ? t("bpjsNumberKept", { number: draft.bpjsNumberMasked }) : t("bpjsNumberHint")}
              inputMode="numeric"
              autoComplete="off"
              maxLength={20}
              defaultValue={draft?.bpjsNumber ?? ""}
              required={!draft?.bpjsNumberMasked}
              error={fieldError("bpjsNumber")}
            />
            <MonthField
              id={id("coverageStart")}
              name="coverageStart"
              label={t("coverageStart")}
              defaultValue={draft?.coverageStart ?? (draft?.distributedAt ?? props.defaultDate).slice(0, 7)}
              required
              error={fieldError("coverageStart")}
            />
            <Field
              id={id("months")}
              name="monthsCovered"
              label={t("monthsCovered")}
              inputMode="numeric"
              defaultValue={draft?.monthsCovered ?? ""}
              required
              error={fieldError("monthsCovered")}
            />
            <RupiahField
              id={id("premium")}
              name="premiumPerMonth"
              label={t("premiumPerMonth")}
              defaultValue={draft?.premiumPerMonth ?? "16.800"}
              required
              error={fieldError("premiumPerMonth")}
              example={t("premiumHint")}
              preview={(amount) => t("valuePreview", { amount })}
            />
          </>
        ) : null}
        {props.participations.length > 0 ? (
          <SelectField
            id={id("participant")}
            name="trainingParticipantId"
            label={t("participant")}
            defaultValue={draft ? (draft.trainingParticipantId ?? "") : (props.preset?.trainingParticipantId ?? "")}
            error={fieldError("trainingParticipantId")}
          >
            <option value="">{t("noParticipant")}</option>
            {props.participations.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.label}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextareaField
          id={id("note")}
          name="note"
          label={t("note")}
          maxLength={500}
          defaultValue={draft?.note ?? ""}
          error={fieldError("note")}
          className="md:col-span-2 xl:col-span-3"
        />
      </div>
      <div className="flex flex-wrap gap-3">
        <Button
          type="submit"
          disabled={pending}
          onClick={() => {
            if (acknowledge.current) acknowledge.current.value = "";
          }}
        >
          {pending ? t("saving") : draft ? t("save") : t("submit")}
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
