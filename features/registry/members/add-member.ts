// Adds a member to a household (a birth, a marriage, someone moving in): from an approved
// change request. The NIK must be new to the city's registry, or belong to someone recorded
// as having moved out of the city, who comes back on this card; a second head is refused.
import type { Tx } from "@/lib/db";
import { wordedError, wordsMessage } from "@/lib/errors/worded";
import { lockHousehold } from "@/features/registry/household/lock-household";
import type { RegistryScope } from "@/lib/auth/scope";
import { dayToDate } from "@/lib/calendar/days";
import { assertBirthDate } from "@/lib/identity/birth-date";
import type { NewMemberInput } from "./member-schema";

export const NIK_TAKEN = wordsMessage("Registry.errors.nikTaken");
export const SECOND_HEAD = wordsMessage("Registry.errors.secondHead");
export const HOUSEHOLD_CLOSED = wordsMessage("Registry.errors.householdClosed");
export const MEMBER_DEPARTED = wordsMessage("Registry.errors.memberGone");

export async function addMember(
  tx: Tx,
  householdId: string,
  input: NewMemberInput,
  options: { tenantId: string; scope: RegistryScope },
): Promise<{ memberId: string }> {
  const household = await lockHousehold(tx, householdId, options);
  if (household.status === "DECEASED") throw wordedError("INVALID", "Registry.errors.householdClosed");
  await assertBirthDate(tx, options.tenantId, input.birthDate);
  const returning = await assertNikFreeOrReturning(tx, input.nik);
  if (input.relation === "HEAD" && (await tx.member.findFirst({ where: { householdId, relation: "HEAD", departedAt: null }, select: { id: true } }))) {
    throw wordedError("INVALID", "Registry.errors.secondHead", {}, { relation: [SECOND_HEAD] });
  }
  const data = {
    householdId,
    nik: input.nik,
    name: input.name,
    sex: input.sex,
    birthPlace: input.birthPlace ?? null,
    birthDate: dayToDate(input.birthDate),
    relation: input.relation,
    education: input.education ?? null,
    occupation: input.occupation ?? null,
    disability: input.disability ?? null,
  };
  if (returning) {
    await tx.member.update({
      where: { tenantId_id: { tenantId: options.tenantId, id: returning.id } },
      data: { ...data, departure: null, departedAt: null },
    });
    return { memberId: returning.id };
  }
  const member = await tx.member.create({ data: { tenantId: options.tenantId, ...data }, select: { id: true } });
  return { memberId: member.id };
}

/**
 * A NIK new to the registry (null), or that of someone who moved out of the city and now
 * joins a family of it again (their record, which keeps its history); any other is refused.
 */
export async function assertNikFreeOrReturning(tx: Tx, nik: string): Promise<{ id: string } | null> {
  const holder = await tx.member.findFirst({ where: { nik }, select: { id: true, departure: true } });
  if (!holder) return null;
  if (holder.departure === "MOVED_OUT") return { id: holder.id };
  throw wordedError("CONFLICT", "Registry.errors.nikTaken", {}, { nik: [NIK_TAKEN] });
}

/** Refuses a NIK already in the city's registry, without saying whose it is. */
export async function assertNikFree(tx: Tx, nik: string, exceptMemberId?: string): Promise<void> {
  const holder = await tx.member.findFirst({ where: { nik }, select: { id: true } });
  if (holder && holder.id !== exceptMemberId) throw wordedError("CONFLICT", "Registry.errors.nikTaken", {}, { nik: [NIK_TAKEN] });
}
