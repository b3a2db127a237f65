// A household's desil changed on its own (a DTSEN update, a musyawarah kelurahan): one new
// HouseholdDesilChange with what it rests on, plus the household's current desil.
import type { Tx } from "@/lib/db";
import { wordedError } from "@/lib/errors/worded";
import type { ChangeBasis, ChangeSource } from "@/lib/generated/prisma/enums";
import { lockHousehold } from "@/features/registry/household/lock-household";
import type { RegistryScope } from "@/lib/auth/scope";
import { dayToDate } from "@/lib/calendar/days";
import { assertNotFuture } from "./change-status";
import { changeRefused } from "@/features/registry/change-requests/refusals";

export type DesilChange = { desil: number; basis: ChangeBasis; effectiveDate: string };

/** Refuses a desil the household already has. */
export function assertDesilChanges(household: { desil: number | null }, desil: number): void {
  if (household.desil === desil) throw changeRefused("sameDesil", "desil", { desil });
}

export async function changeDesil(
  tx: Tx,
  householdId: string,
  input: DesilChange,
  options: { tenantId: string; scope: RegistryScope; source: ChangeSource; now?: Date },
): Promise<{ householdId: string }> {
  const household = await lockHousehold(tx, householdId, options);
  if (household.status === "DECEASED") throw wordedError("INVALID", "Registry.errors.householdClosed");
  assertDesilChanges(household, input.desil);
  await assertNotFuture(tx, input.effectiveDate, options);
  await tx.householdDesilChange.create({
    data: {
      tenantId: options.tenantId,
      householdId: household.id,
      fromDesil: household.desil,
      toDesil: input.desil,
      effectiveDate: dayToDate(input.effectiveDate),
      source: options.source,
      basis: input.basis,
    },
  });
  await tx.household.update({ where: { tenantId_id: { tenantId: options.tenantId, id: household.id } }, data: { desil: input.desil } });
  return { householdId: household.id };
}
