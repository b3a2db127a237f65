// A member leaves a family's card: they died, moved out of the city, or moved to another
// family of the city. The row stays (aid, loans and trainings point at it); a member who
// died or moved out is marked departed, one who moved to another family changes family.
// The family keeps exactly one head: when the head leaves, the proposal names who becomes
// head, and the former head's row stops saying HEAD (the request and the audit keep it),
// as a merge does with a second head.
import type { Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { wordedError } from "@/lib/errors/worded";
import type { FamilyRelation, MemberDeparture } from "@/lib/generated/prisma/enums";
import { lockHousehold } from "@/features/registry/household/lock-household";
import type { RegistryScope } from "@/lib/auth/scope";
import { dateToDay, dayToDate } from "@/lib/calendar/days";
import { assertNotFuture } from "@/features/registry/status/change-status";
import { changeRefused } from "@/features/registry/change-requests/refusals";
import { MEMBER_DEPARTED, SECOND_HEAD } from "./add-member";

export type Leaving = { memberId: string; newHeadId?: string; effectiveDate: string };
type Options = { tenantId: string; scope: RegistryScope; now?: Date };
const WHOLE_CITY: RegistryScope = { kelurahanId: null, nothing: false };

/**
 * Checks that a member may leave the family on that date, keeping one head; read-only, so a
 * proposal is checked with it exactly as its approval is.
 */
export async function planLeaving(tx: Tx, householdId: string, leaving: Leaving, options: { tenantId: string; now?: Date }) {
  const members = await tx.member.findMany({
    where: { householdId, departedAt: null },
    select: { id: true, relation: true, birthDate: true },
  });
  const member = members.find((m) => m.id === leaving.memberId);
  if (!member) {
    const gone = await tx.member.findFirst({ where: { id: leaving.memberId, householdId }, select: { id: true } });
    throw gone ? wordedError("INVALID", "Registry.errors.memberGone", {}, { memberId: [MEMBER_DEPARTED] }) : notFound("Anggota keluarga");
  }
  await assertNotFuture(tx, leaving.effectiveDate, options);
  if (leaving.effectiveDate < dateToDay(member.birthDate)) throw changeRefused("beforeBirth", "effectiveDate");

  const others = members.filter((m) => m.id !== member.id);
  if (others.length === 0) throw changeRefused("lastMember", "memberId");
  if (member.relation !== "HEAD") {
    if (leaving.newHeadId) throw changeRefused("successorOnlyForHead", "newHeadId");
    return { member, successorId: null };
  }
  if (!leaving.newHeadId) throw changeRefused("successorNeeded", "newHeadId");
  if (!others.some((m) => m.id === leaving.newHeadId)) throw changeRefused("successorNotMember", "newHeadId");
  return { member, successorId: leaving.newHeadId };
}

/** A member who died or moved out of the city: marked departed on that date. */
export async function recordDeparture(tx: Tx, householdId: string, input: Leaving & { departure: MemberDeparture }, options: Options) {
  const household = await lockHousehold(tx, householdId, options);
  if (household.status === "DECEASED") throw wordedError("INVALID", "Registry.errors.householdClosed");
  const { member, successorId } = await planLeaving(tx, household.id, input, options);
  await handOverHead(tx, options.tenantId, successorId);
  await tx.member.update({
    where: { tenantId_id: { tenantId: options.tenantId, id: member.id } },
    data: {
      departure: input.departure,
      departedAt: dayToDate(input.effectiveDate),
      ...(member.relation === "HEAD" ? { relation: "OTHER_RELATIVE" as const } : {}),
    },
  });
  return { memberId: member.id };
}

/** The city's family a No. KK names, for a member to move into. */
export async function targetFamily(tx: Tx, noKk: string, fromHouseholdId: string) {
  const target = await tx.household.findFirst({ where: { noKk }, select: { id: true, status: true } });
  if (!target) throw changeRefused("targetNotFound", "targetNoKk", {}, "NOT_FOUND");
  if (target.id === fromHouseholdId) throw changeRefused("sameFamily", "targetNoKk");
  if (target.status === "DECEASED") throw changeRefused("targetClosed", "targetNoKk");
  return target;
}

/** Refuses a second head in the family the member moves into. */
export async function assertRelationFree(tx: Tx, householdId: string, relation: FamilyRelation): Promise<void> {
  if (relation !== "HEAD") return;
  const head = await tx.member.findFirst({ where: { householdId, relation: "HEAD", departedAt: null }, select: { id: true } });
  if (head) throw wordedError("INVALID", "Registry.errors.secondHead", {}, { relation: [SECOND_HEAD] });
}

/** A member moving to another family of the city, with their relation there. */
export async function moveMemberToFamily(tx: Tx, householdId: string, input: Leaving & { targetNoKk: string; relation: FamilyRelation }, options: Options) {
  const target = await tx.household.findFirst({ where: { noKk: input.targetNoKk }, select: { id: true } });
  // Both cards locked in id order, so two moves between the same families cannot deadlock;
  // the family moved to may be in any kelurahan of the city.
  const locked = new Map<string, Awaited<ReturnType<typeof lockHousehold>>>();
  for (const id of [...new Set([householdId, target?.id ?? householdId])].sort()) {
    locked.set(id, await lockHousehold(tx, id, id === householdId ? options : { ...options, scope: WHOLE_CITY }));
  }
  const household = locked.get(householdId)!;
  if (household.status === "DECEASED") throw wordedError("INVALID", "Registry.errors.householdClosed");
  const destination = await targetFamily(tx, input.targetNoKk, household.id);
  const { member, successorId } = await planLeaving(tx, household.id, input, options);
  await assertRelationFree(tx, destination.id, input.relation);
  await handOverHead(tx, options.tenantId, successorId);
  await tx.member.update({
    where: { tenantId_id: { tenantId: options.tenantId, id: member.id } },
    data: { householdId: destination.id, relation: input.relation },
  });
  return { memberId: member.id, toHouseholdId: destination.id };
}

async function handOverHead(tx: Tx, tenantId: string, successorId: string | null): Promise<void> {
  if (!successorId) return;
  await tx.member.update({ where: { tenantId_id: { tenantId, id: successorId } }, data: { relation: "HEAD" } });
}
