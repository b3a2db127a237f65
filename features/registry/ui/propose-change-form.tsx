"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { DateField } from "@/components/ui/date-field";
import { Field } from "@/components/ui/field";
import { FormAlert, FormNotice } from "@/components/ui/form-alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import type { ProposeOutcome } from "@/features/registry/change-requests/propose";
import type { ChangeKind } from "@/features/registry/change-requests/schemas";
import { StatusFields, type StatusFieldsProps } from "./status-change-form";

type Option = { value: string; label: string };

export type ProposeChoices = {
  kinds: { value: ChangeKind; label: string }[];
  sex: Option[];
  relation: Option[];
  education: Option[];
  disability: Option[];
  members: Option[];
  basis: Option[];
  kelurahan: { kecamatan: string; options: Option[] }[];
};

type Props = {
  action: FormAction<unknown>;
  householdId: string;
  choices: ProposeChoices;
  address: { address: string; rt: string | null; rw: string | null };
  status: Omit<StatusFieldsProps, "fieldError" | "idPrefix">;
  /** What a member's or the household's link asked for: the kind, and the member it names. */
  initial?: { kind?: ChangeKind; memberId?: string };
};

const LEAVING: ChangeKind[] = ["MEMBER_DIED", "MEMBER_MOVED_OUT", "MEMBER_MOVED_TO_FAMILY"];
const DESILS = Array.from({ length: 10 }, (_, i) => String(i + 1));

/** A kelurahan officer's proposal; nothing changes until Bapeda approves it. */
export function ProposeChangeForm(props: Props) {
  // A new key starts a blank form after "propose another".
  const [round, setRound] = useState(0);
  return <ProposeRound key={round} {...props} onAnother={() => setRound((n) => n + 1)} />;
}

function ProposeRound({ action, householdId, choices, address, status, initial, onAnother }: Props & { onAnother: () => void }) {
  const t = useTranslations("Household.propose");
  const [kind, setKind] = useState<ChangeKind | "">(initial?.kind ?? "");
  const { state, pending, formRef, onSubmit, fieldError, formError } = useActionForm(action);

  if (state?.ok) {
    const refused = (state.data as ProposeOutcome | undefined)?.refused;
    return (
      <div className="space-y-3">
        {refused ? (
          <FormAlert>{refused.reason === "limited" ? t("lookupLimited", { minutes: refused.minutes }) : t("targetNotFound")}</FormAlert>
        ) : (
          <FormNotice>{state.message}</FormNotice>
        )}
        <Button variant="secondary" onClick={onAnother}>
          {t("another")}
        </Button>
      </div>
    );
  }

  const field = (name: string, label: string, extra: Partial<React.ComponentProps<typeof Field>> = {}) => (
    <Field id={`propose-${name}`} name={name} label={label} error={fieldError(name)} autoComplete="off" {...extra} />
  );
  const dateField = (name: string, label: string, extra: { required?: boolean; max?: string } = {}) => (
    <DateField id={`propose-${name}`} name={name} label={label} error={fieldError(name)} {...extra} />
  );
  const select = (name: string, label: string, options: Option[], blank: string, extra: { required?: boolean; hint?: string; defaultValue?: string } = {}) => (
    <SelectField id={`propose-${name}`} name={name} label={label} defaultValue="" error={fieldError(name)} {...extra}>
      <option value="">{blank}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </SelectField>
  );

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending || undefined}>
      {formError ? <FormAlert>{formError}</FormAlert> : null}
      <input type="hidden" name="householdId" value={householdId} />
      <SelectField
        id="propose-kind"
        name="kind"
        label={t("kind")}
        value={kind}
        onChange={(event) => setKind(event.target.value as ChangeKind | "")}
        required
        error={fieldError("kind")}
      >
        <option value="" disabled>
          {t("chooseKind")}
        </option>
        {choices.kinds.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </SelectField>

      {kind === "NEW_MEMBER" ? (
        <fieldset className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <legend className="sr-only">{t("newMember")}</legend>
          {field("nik", t("nik"), { inputMode: "numeric", maxLength: 20, required: true, spellCheck: false })}
          {field("name", t("name"), { required: true })}
          {select("sex", t("sex"), choices.sex, t("choose"), { required: true })}
          {select("relation", t("relation"), choices.relation, t("choose"), { required: true })}
          {field("birthPlace", t("birthPlace"))}
          {dateField("birthDate", t("birthDate"), { required: true })}
          {select("education", t("education"), choices.education, t("optional"))}
          {field("occupation", t("occupation"))}
          {select("disability", t("disability"), choices.disability, t("noDisability"))}
        </fieldset>
      ) : null}

      {kind === "ADDRESS" ? (
        <fieldset className="grid grid-cols-1 gap-4 sm:grid-cols-[minmax(0,3fr)_minmax(0,1fr)_minmax(0,1fr)]">
          <legend className="sr-only">{t("address")}</legend>
          {field("address", t("address"), { defaultValue: address.address, required: true })}
          {field("rt", t("rt"), { defaultValue: address.rt ?? "", inputMode: "numeric", maxLength: 3 })}
          {field("rw", t("rw"), { defaultValue: address.rw ?? "", inputMode: "numeric", maxLength: 3 })}
          <SelectField
            id="propose-kelurahanId"
            name="kelurahanId"
            label={t("movedKelurahan")}
            hint={t("movedKelurahanHint")}
            defaultValue=""
            className="sm:col-span-3"
            error={fieldError("kelurahanId")}
          >
            <option value="">{t("sameKelurahan")}</option>
            {choices.kelurahan.map((group) => (
              <optgroup key={group.kecamatan} label={group.kecamatan}>
                {group.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
        </fieldset>
      ) : null}

      {kind === "STATUS" ? <StatusFields {...status} fieldError={fieldError} idPrefix="propose" /> : null}

      {kind === "CORRECTION" ? (
        <fieldset className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <legend className="sr-only">{t("correction")}</legend>
          {select("memberId", t("member"), choices.members, t("choose"), { required: true })}
          <p className="self-end pb-2 text-sm text-muted sm:col-span-1">{t("correctionHint")}</p>
          {field("name", t("name"))}
          {field("nik", t("nik"), { inputMode: "numeric", maxLength: 20, spellCheck: false })}
          {select("sex", t("sex"), choices.sex, t("unchanged"))}
          {dateField("birthDate", t("birthDate"))}
          {field("birthPlace", t("birthPlace"))}
          {select("relation", t("relation"), choices.relation, t("unchanged"))}
          {select("education", t("education"), choices.education, t("unchanged"))}
          {field("occupation", t("occupation"))}
        </fieldset>
      ) : null}
      {kind && LEAVING.includes(kind) ? (
        <fieldset className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <legend className="sr-only">{t("leaving")}</legend>
          {select("memberId", t("leavingMember"), choices.members, t("choose"), { required: true, defaultValue: initial?.memberId ?? "" })}
          {dateField("effectiveDate", t(kind === "MEMBER_DIED" ? "diedOn" : "movedOn"), { required: true, max: status.today })}
          {kind === "MEMBER_MOVED_OUT" ? field("destination", t("destination"), { required: true, hint: t("destinationHint") }) : null}
          {kind === "MEMBER_MOVED_TO_FAMILY" ? (
            <>
              {field("targetNoKk", t("targetNoKk"), { inputMode: "numeric", maxLength: 20, required: true, spellCheck: false, hint: t("targetNoKkHint") })}
              {select("relation", t("relationThere"), choices.relation, t("choose"), { required: true })}
            </>
          ) : null}
          {select("newHeadId", t("newHead"), choices.members, t("noNewHead"), { hint: t("newHeadHint") })}
        </fieldset>
      ) : null}

      {kind === "DESIL_CHANGED" || kind === "EXTREME_POVERTY_CHANGED" ? (
        <fieldset className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <legend className="sr-only">{t("welfare")}</legend>
          {kind === "DESIL_CHANGED"
            ? select(
                "desil",
                t("newDesil"),
                DESILS.map((value) => ({ value, label: value })),
                t("choose"),
                { required: true, hint: status.currentDesil ? t("currentDesil", { desil: status.currentDesil }) : undefined },
              )
            : select(
                "isExtremePoor",
                t("extreme"),
                [
                  { value: "true", label: t("enterExtreme") },
                  { value: "false", label: t("exitExtreme") },
                ],
                t("choose"),
                { required: true },
              )}
          {select("basis", t("basis"), choices.basis, t("choose"), { required: true })}
          {dateField("effectiveDate", t("effectiveDate"), { required: true, max: status.today })}
          {kind === "EXTREME_POVERTY_CHANGED" ? field("reason", t("reason"), { required: true }) : null}
        </fieldset>
      ) : null}
      {fieldError("_form") ? <FormAlert>{fieldError("_form")}</FormAlert> : null}

      {kind ? (
        <>
          <div>
            <label htmlFor="propose-note" className="block text-sm font-medium text-ink">
              {t("note")}
            </label>
            <p className="mt-0.5 text-sm text-muted">{t("noteHint")}</p>
            <textarea
              id="propose-note"
              name="note"
              rows={2}
              maxLength={500}
              className="mt-1 block w-full rounded-md border border-line bg-white px-3 py-2 text-base text-ink shadow-xs focus-visible:border-brand-500"
            />
          </div>
          <Button type="submit" disabled={pending}>
            {pending ? t("sending") : t("send")}
          </Button>
        </>
      ) : null}
    </form>
  );
}
