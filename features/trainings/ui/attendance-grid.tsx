"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormAlert, FormNotice } from "@/components/ui/form-alert";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import { VersionField } from "@/components/ui/version-field";

type Result = { trainingId: string; changed: number };

export type AttendanceDay = { day: string; label: string; future: boolean };

/**
 * Who came on which day: one checkbox per participant and day, saved together. Days yet
 * to come cannot be ticked. Without `action` (readers, cancelled trainings) it only shows.
 */
export function AttendanceGrid({
  trainingId,
  version,
  participants,
  days,
  present,
  action,
}: {
  trainingId: string;
  /** The training's version: the grid is saved whole. */
  version: number;
  participants: readonly { id: string; name: string }[];
  days: readonly AttendanceDay[];
  /** Cells recorded present: "participantId|YYYY-MM-DD". */
  present: readonly string[];
  action?: FormAction<Result>;
}) {
  const t = useTranslations("Trainings.attendance");
  const { state, pending, formRef, onSubmit, formError } = useActionForm<Result>(action ?? (async (previous) => previous!));
  const marked = new Set(present);
  if (participants.length === 0) return <p className="p-4 text-muted sm:p-5">{t("noParticipants")}</p>;

  return (
    <form key={version} ref={formRef} onSubmit={onSubmit} className="space-y-3 p-4 sm:p-5" aria-busy={pending || undefined}>
      {formError ? <FormAlert>{formError}</FormAlert> : null}
      {state?.ok ? <FormNotice>{state.message}</FormNotice> : null}
      <input type="hidden" name="trainingId" value={trainingId} />
      <VersionField version={version} />
      <div role="region" aria-label={t("label")} tabIndex={0} className="relative overflow-x-auto rounded-md border border-line">
        <table className="w-full border-collapse text-sm">
          <thead className="bg-brand-50 text-brand-900">
            <tr>
              <th scope="col" className="sticky left-0 z-10 bg-brand-50 px-3 py-2 text-left font-semibold">
                {t("participant")}
              </th>
              {days.map((day) => (
                <th key={day.day} scope="col" className="px-2 py-2 text-center font-semibold whitespace-nowrap">
                  {day.label}
                </th>
              ))}
              <th scope="col" className="px-3 py-2 text-right font-semibold">
                {t("total")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {participants.map((participant) => {
              const count = days.filter((day) => marked.has(`${participant.id}|${day.day}`)).length;
              return (
                <tr key={participant.id} className="bg-white">
                  <th scope="row" className="sticky left-0 z-10 bg-white px-3 py-1.5 text-left font-medium text-ink whitespace-nowrap">
                    {participant.name}
                  </th>
                  {days.map((day) => {
                    const cell = `${participant.id}|${day.day}`;
                    return (
                      <td key={day.day} className="px-2 py-1.5 text-center">
                        <input
                          type="checkbox"
                          name="present"
                          value={cell}
                          defaultChecked={marked.has(cell)}
                          disabled={!action || day.future}
                          aria-label={t("cell", { name: participant.name, day: day.label })}
                          className="size-5 accent-brand-700"
                        />
                      </td>
                    );
                  })}
                  <td className="px-3 py-1.5 text-right tabular-nums">
                    {count}/{days.length}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {action ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? t("saving") : t("save")}
          </Button>
          <p className="text-sm text-muted">{t("hint")}</p>
        </div>
      ) : null}
    </form>
  );
}
