// What the distribution form needs once a household is picked: its members, told apart by
// relation to the head and age (the NIK, masked, only as a last resort), and the trainings
// they took part in, so a tool kit can be linked to the training it follows.
import { loadKelurahanLabel } from "@/features/areas/labels";
import type { Tx } from "@/lib/db";
import { ageOn } from "@/lib/calendar/days";
import { maskNik } from "@/lib/identity/nik";
import { householdScopeWhere, type RegistryScope } from "@/lib/auth/scope";

/**
 * Null for a household outside the viewer's registry scope, as for one that does not exist.
 * Ages are on `today` (the city's); the birth date itself is not returned.
 */
export async function recipientChoices(tx: Tx, householdId: string, scope: RegistryScope, today: Date = new Date()) {
  const [household, kelurahanLabel] = await Promise.all([
    tx.household.findFirst({
      where: { id: householdId, ...householdScopeWhere(scope) },
      select: {
        id: true,
        noKk: true,
        address: true,
        desil: true,
        isExtremePoor: true,
        kelurahanId: true,
        members: { select: { id: true, name: true, nik: true, relation: true, birthDate: true, departedAt: true }, orderBy: [{ birthDate: "asc" }] },
        participations: {
          select: { id: true, memberId: true, status: true, training: { select: { skill: true, startDate: true, opd: { select: { shortName: true } } } } },
          orderBy: { training: { startDate: "desc" } },
          take: 50,
        },
      },
    }),
    loadKelurahanLabel(tx),
  ]);
  if (!household) return null;
  const names = new Map(household.members.map((member) => [member.id, member.name]));
  return {
    id: household.id,
    noKkMasked: maskNik(household.noKk),
    address: household.address,
    kelurahan: kelurahanLabel(household.kelurahanId),
    desil: household.desil,
    isExtremePoor: household.isExtremePoor,
    // Who may receive aid: a member who died or moved out keeps their name in the history above.
    members: household.members
      .filter((member) => !member.departedAt)
      .map((member) => ({
        id: member.id,
        name: member.name,
        nikMasked: maskNik(member.nik),
        relation: member.relation,
        age: Math.max(0, ageOn(member.birthDate, today)),
      }))
      .sort((a, b) => Number(b.relation === "HEAD") - Number(a.relation === "HEAD")),
    participations: household.participations.map((p) => ({
      id: p.id,
      memberId: p.memberId,
      memberName: names.get(p.memberId) ?? "",
      skill: p.training.skill,
      startDate: p.training.startDate,
      opd: p.training.opd.shortName,
      status: p.status,
    })),
  };
}

export type RecipientChoices = NonNullable<Awaited<ReturnType<typeof recipientChoices>>>;

/** Programmes of the writer's OPD, newest year first, with their budget lines. */
export function writableProgrammes(tx: Tx, opdId: string) {
  return tx.programme.findMany({
    where: { opdId },
    select: {
      id: true,
      name: true,
      kind: true,
      fiscalYear: true,
      budgetLines: { select: { id: true, description: true, fundingSource: true, partnerName: true }, orderBy: { createdAt: "asc" } },
    },
    orderBy: [{ fiscalYear: "desc" }, { name: "asc" }],
  });
}
