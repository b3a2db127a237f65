// Records a household's status change: graduation, falling back, moving,
// death. The change is one new HouseholdStatusEvent (history is never rewritten) plus the
// household's current state; an optional new desil adds a HouseholdDesilChange. Used by
// Bapeda's form and by an approved change request alike.
import type { Tx } from "@/lib/db";
import { wordedFieldError } from "@/lib/errors/worded";
import type { ChangeBasis, ChangeSource } from "@/lib/generated/prisma/enums";
import { optionalDesil, householdId } from "@/features/registry/schemas";
import { cityToday } from "@/lib/calendar/city-today";
import { dateToDay, dayToDate } from "@/lib/calendar/days";
import { isoDay, reasonText } from "@/lib/forms/fields";
import { lockHousehold } from "@/features/registry/household/lock-household";
import type { RegistryScope } from "@/lib/auth/scope";
import { formatDateShort } from "@/lib/format";
import { z } from "@/lib/validation/zod";
import { STATUS_TRANSITIONS, planTransition } from "./transitions";

export const statusChangeFields = {
  transition: z.enum(STATUS_TRANSITIONS, "Pilih perubahan status."),
  effectiveDate: isoDay,
  reason: reasonText,
  desil: optionalDesil,
};

export const changeStatusSchema = z.object({ householdId, ...statusChangeFields });
export type ChangeStatusInput = z.output<typeof changeStatusSchema>;

export type ChangeStatusOptions = {
  source: ChangeSource;
  decidedById: string;
  scope: RegistryScope;
  tenantId: string;
  /** What a change from a change request rests on (a DTSEN update, a musyawarah kelurahan). */
  basis?: ChangeBasis;
  /** For tests; defaults to now. */
  now?: Date;
};

export type ChangeStatusResult = { householdId: string; eventId: string; status: string; isExtremePoor: boolean };

export async function changeHouseholdStatus(tx: Tx, input: ChangeStatusInput, options: ChangeStatusOptions): Promise<ChangeStatusResult> {
  const household = await lockHousehold(tx, input.householdId, options);
  const plan = planTransition(household, input.transition);
  if (!plan.ok) throw wordedFieldError("INVALID", "transition", `Registry.errors.transition.${plan.code}`);

  await assertStatusDate(tx, household.id, input.effectiveDate, options);

  const effectiveDate = dayToDate(input.effectiveDate);
  const event = await tx.householdStatusEvent.create({
    data: {
      tenantId: options.tenantId,
      householdId: household.id,
      fromStatus: household.status,
      toStatus: plan.to.status,
      fromExtremePoor: household.isExtremePoor,
      toExtremePoor: plan.to.isExtremePoor,
      effectiveDate,
      reason: input.reason,
      source: options.source,
      basis: options.basis ?? null,
      decidedById: options.decidedById,
    },
  });
  const desilChanges = input.desil !== undefined && input.desil !== household.desil;
  if (desilChanges) {
    await tx.householdDesilChange.create({
      data: {
        tenantId: options.tenantId,
        householdId: household.id,
        fromDesil: household.desil,
        toDesil: input.desil,
        effectiveDate,
        source: options.source,
        basis: options.basis ?? null,
      },
    });
  }
  await tx.household.update({
    where: { tenantId_id: { tenantId: options.tenantId, id: household.id } },
    data: {
      status: plan.to.status,
      isExtremePoor: plan.to.isExtremePoor,
      statusChangedAt: effectiveDate,
      ...(desilChanges ? { desil: input.desil } : {}),
    },
  });
  return { householdId: household.id, eventId: event.id, status: plan.to.status, isExtremePoor: plan.to.isExtremePoor };
}

/**
 * A status change's date: not after the city's today, not before the household's last status
 * change. Checked when a change is proposed and again when it is decided or saved.
 */
export async function assertStatusDate(tx: Tx, householdId: string, effectiveDay: string, options: { tenantId: string; now?: Date }): Promise<void> {
  await assertNotFuture(tx, effectiveDay, options);
  const latest = await tx.householdStatusEvent.findFirst({
    where: { householdId },
    orderBy: { effectiveDate: "desc" },
    select: { effectiveDate: true },
  });
  if (latest && effectiveDay < dateToDay(latest.effectiveDate)) {
    throw wordedFieldError("INVALID", "effectiveDate", "Registry.errors.effectiveBeforeLatest", { date: formatDateShort(latest.effectiveDate) });
  }
}

/** A change's date is not after the city's today. */
export async function assertNotFuture(tx: Tx, effectiveDay: string, options: { tenantId: string; now?: Date }): Promise<void> {
  if (effectiveDay > dateToDay(await cityToday(tx, options.tenantId, options.now))) {
    throw wordedFieldError("INVALID", "effectiveDate", "Registry.errors.effectiveInFuture");
  }
}
