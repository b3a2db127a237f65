// Merging a confirmed duplicate. Everything recorded against the record
// that goes — trainings, aid, loans, change requests, history — is moved to the one that
// stays, then the record is deleted; the audit log keeps every moved and deleted row.
import type { Tx } from "@/lib/db";
import { recordAudit } from "@/lib/db/audit";
import { notFound } from "@/lib/errors";
import { wordedError } from "@/lib/errors/worded";
import { lockHousehold } from "@/features/registry/household/lock-household";
import type { RegistryScope } from "@/lib/auth/scope";

const everyone: RegistryScope = { kelurahanId: null, nothing: false };
const key = (m: { name: string; birthDate: Date }) => `${m.name.trim().replace(/\s+/g, " ").toUpperCase()}|${m.birthDate.toISOString().slice(0, 10)}`;

/** A record merged away, and the one it now lives on in. */
export type Merged = { keep: string; drop: string };

/** The audit action that says a record (entityId) took in another (`after.mergedId`). */
export const MERGE_ACTION = "registry.merge";

/**
 * The dropped record's own audit rows stay under its id: this row ties that id to the record
 * kept, so a data-subject access report of the kept one still finds them.
 */
async function recordMerge(tx: Tx, tenantId: string, entity: "Household" | "Member", merged: Merged): Promise<void> {
  await recordAudit(tx, { tenantId, action: MERGE_ACTION, entity, entityId: merged.keep, after: { mergedId: merged.drop } });
}

/** One person recorded twice: `dropId`'s trainings, aid and loans move to `keepId`. */
export async function mergeMembers(tx: Tx, tenantId: string, keepId: string, dropId: string): Promise<Merged[]> {
  if (keepId === dropId) throw wordedError("INVALID", "Duplicates.errors.sameRecord");
  const [keep, drop] = await Promise.all([
    tx.member.findFirst({ where: { id: keepId }, select: { id: true, householdId: true } }),
    tx.member.findFirst({ where: { id: dropId }, select: { id: true, householdId: true } }),
  ]);
  if (!keep || !drop) throw notFound("Anggota keluarga");
  await lockHousehold(tx, keep.householdId, { tenantId, scope: everyone });
  if (drop.householdId !== keep.householdId) await lockHousehold(tx, drop.householdId, { tenantId, scope: everyone });

  const [kept, dropped] = await Promise.all([
    tx.trainingParticipant.findMany({ where: { memberId: keep.id }, select: { trainingId: true } }),
    tx.trainingParticipant.findMany({ where: { memberId: drop.id }, select: { trainingId: true } }),
  ]);
  const keptTrainings = new Set(kept.map((p) => p.trainingId));
  if (dropped.some((p) => keptTrainings.has(p.trainingId))) {
    throw wordedError("CONFLICT", "Duplicates.errors.sameTraining");
  }
  await tx.trainingParticipant.updateMany({ where: { memberId: drop.id }, data: { memberId: keep.id } });
  await tx.aidDistribution.updateMany({ where: { memberId: drop.id }, data: { memberId: keep.id } });
  await tx.loan.updateMany({ where: { memberId: drop.id }, data: { memberId: keep.id } });
  await tx.member.delete({ where: { tenantId_id: { tenantId, id: drop.id } } });
  await recordMerge(tx, tenantId, "Member", { keep: keep.id, drop: drop.id });
  return [{ keep: keep.id, drop: drop.id }];
}

/**
 * One family registered under two cards: `dropId`'s members join `keepId` (a member who is
 * already there — same name and birth date — is merged into them; a second head becomes
 * "other relative"), its interventions, change requests and history move over, and the
 * card is deleted.
 */
export async function mergeHouseholds(tx: Tx, tenantId: string, keepId: string, dropId: string): Promise<Merged[]> {
  if (keepId === dropId) throw wordedError("INVALID", "Duplicates.errors.sameRecord");
  // Locked in id order, so two merges of the same pair cannot deadlock.
  for (const id of [keepId, dropId].sort()) await lockHousehold(tx, id, { tenantId, scope: everyone });

  const [keepMembers, dropMembers] = await Promise.all([
    tx.member.findMany({ where: { householdId: keepId }, select: { id: true, name: true, birthDate: true, relation: true } }),
    tx.member.findMany({ where: { householdId: dropId }, select: { id: true, name: true, birthDate: true, relation: true } }),
  ]);
  const merged: Merged[] = [{ keep: keepId, drop: dropId }];
  const byPerson = new Map(keepMembers.map((m) => [key(m), m.id]));
  let hasHead = keepMembers.some((m) => m.relation === "HEAD");
  for (const member of dropMembers) {
    const same = byPerson.get(key(member));
    if (same) {
      merged.push(...(await mergeMembers(tx, tenantId, same, member.id)));
      continue;
    }
    const secondHead = member.relation === "HEAD" && hasHead;
    hasHead ||= member.relation === "HEAD";
    await tx.member.update({
      where: { tenantId_id: { tenantId, id: member.id } },
      data: { householdId: keepId, ...(secondHead ? { relation: "OTHER_RELATIVE" as const } : {}) },
    });
  }

  const moved = { where: { householdId: dropId }, data: { householdId: keepId } };
  await tx.trainingParticipant.updateMany(moved);
  await tx.aidDistribution.updateMany(moved);
  await tx.loan.updateMany(moved);
  await tx.changeRequest.updateMany(moved);
  await tx.householdStatusEvent.updateMany(moved);
  await tx.householdDesilChange.updateMany(moved);
  await moveDisclosures(tx, tenantId, keepId, dropId);
  await tx.household.delete({ where: { tenantId_id: { tenantId, id: dropId } } });
  await recordMerge(tx, tenantId, "Household", { keep: keepId, drop: dropId });
  return merged;
}

/** The exports that listed the dropped card listed this family: its access report names them. */
async function moveDisclosures(tx: Tx, tenantId: string, keepId: string, dropId: string) {
  const listed = await tx.personalDataDisclosure.findMany({ where: { householdId: dropId }, select: { auditLogId: true, createdAt: true } });
  if (listed.length === 0) return;
  // An export that listed both cards keeps one record.
  await tx.personalDataDisclosure.createMany({ data: listed.map((one) => ({ tenantId, householdId: keepId, ...one })), skipDuplicates: true });
  await tx.personalDataDisclosure.deleteMany({ where: { householdId: dropId } });
}
