// A household's profile: its card, members, and desil and status history.
// Numbers leave this module masked; the full ones only through revealPersonalNumbers,
// which audits the view. Birth dates leave it only for viewers whose person view allows
// them (lib/privacy/person-view.ts); everyone else gets the age.
import type { Tx } from "@/lib/db";
import type {
  ChangeBasis,
  ChangeSource,
  Disability,
  Education,
  FamilyRelation,
  HouseholdStatus,
  MemberDeparture,
  RegistrySource,
  Sex,
} from "@/lib/generated/prisma/enums";
import { birthFor, maskNumber, type BirthShown, type PersonView } from "@/lib/privacy/person-view";
import { householdScopeWhere, type RegistryScope } from "@/lib/auth/scope";

export type HouseholdMemberView = {
  id: string;
  name: string;
  nikMasked: string;
  sex: Sex;
  birthPlace: string | null;
  birth: BirthShown;
  relation: FamilyRelation;
  education: Education | null;
  occupation: string | null;
  disability: Disability | null;
  /** Died or moved out of the city, and when: no longer on the card, kept for its history. */
  departure: { kind: MemberDeparture; date: Date } | null;
};

export type StatusEventView = {
  id: string;
  fromStatus: HouseholdStatus | null;
  toStatus: HouseholdStatus;
  fromExtremePoor: boolean | null;
  toExtremePoor: boolean;
  effectiveDate: Date;
  reason: string;
  source: ChangeSource;
  basis: ChangeBasis | null;
  decidedBy: string | null;
  createdAt: Date;
};

export type DesilChangeView = {
  id: string;
  fromDesil: number | null;
  toDesil: number | null;
  effectiveDate: Date;
  source: ChangeSource;
  basis: ChangeBasis | null;
  createdAt: Date;
};

export type HouseholdProfile = {
  id: string;
  noKkMasked: string;
  registrySource: RegistrySource;
  registryId: string | null;
  address: string;
  rt: string | null;
  rw: string | null;
  kecamatan: { id: string; name: string };
  kelurahan: { id: string; name: string };
  desil: number | null;
  isExtremePoor: boolean;
  status: HouseholdStatus;
  statusChangedAt: Date | null;
  updatedAt: Date;
  members: HouseholdMemberView[];
  statusEvents: StatusEventView[];
  desilChanges: DesilChangeView[];
};

const RELATION_ORDER: FamilyRelation[] = [
  "HEAD",
  "SPOUSE",
  "CHILD",
  "CHILD_IN_LAW",
  "GRANDCHILD",
  "PARENT",
  "PARENT_IN_LAW",
  "OTHER_RELATIVE",
  "HOUSEHOLD_HELPER",
  "OTHER",
];

/** The household if the scope may see it, else null (the page answers "not found"). */
export async function getHouseholdProfile(
  tx: Tx,
  householdId: string,
  scope: RegistryScope,
  seen: { view: PersonView; today: Date },
): Promise<HouseholdProfile | null> {
  const household = await tx.household.findFirst({
    where: { id: householdId, ...householdScopeWhere(scope) },
    include: {
      kecamatan: { select: { id: true, name: true } },
      kelurahan: { select: { id: true, name: true } },
      members: true,
      statusEvents: { orderBy: [{ effectiveDate: "desc" }, { createdAt: "desc" }] },
      desilChanges: { orderBy: [{ effectiveDate: "desc" }, { createdAt: "desc" }] },
    },
  });
  if (!household) return null;

  const deciders = [...new Set(household.statusEvents.map((event) => event.decidedById).filter((id): id is string => Boolean(id)))];
  const users = deciders.length ? await tx.user.findMany({ where: { id: { in: deciders } }, select: { id: true, name: true } }) : [];
  const nameOf = new Map(users.map((user) => [user.id, user.name]));

  const members = [...household.members].sort(
    (a, b) =>
      Number(Boolean(a.departedAt)) - Number(Boolean(b.departedAt)) ||
      RELATION_ORDER.indexOf(a.relation) - RELATION_ORDER.indexOf(b.relation) ||
      a.birthDate.getTime() - b.birthDate.getTime(),
  );
  return {
    id: household.id,
    noKkMasked: maskNumber(household.noKk),
    registrySource: household.registrySource,
    registryId: household.registryId,
    address: household.address,
    rt: household.rt,
    rw: household.rw,
    kecamatan: household.kecamatan,
    kelurahan: household.kelurahan,
    desil: household.desil,
    isExtremePoor: household.isExtremePoor,
    status: household.status,
    statusChangedAt: household.statusChangedAt,
    updatedAt: household.updatedAt,
    members: members.map((member) => ({
      id: member.id,
      name: member.name,
      nikMasked: maskNumber(member.nik),
      sex: member.sex,
      // The birthplace goes with the date: the NIK's region digits are often the birthplace's.
      birthPlace: seen.view.birth === "date" ? member.birthPlace : null,
      birth: birthFor(seen.view, member.birthDate, seen.today),
      relation: member.relation,
      education: member.education,
      occupation: member.occupation,
      disability: member.disability,
      departure: member.departure && member.departedAt ? { kind: member.departure, date: member.departedAt } : null,
    })),
    statusEvents: household.statusEvents.map((event) => ({
      id: event.id,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      fromExtremePoor: event.fromExtremePoor,
      toExtremePoor: event.toExtremePoor,
      effectiveDate: event.effectiveDate,
      reason: event.reason,
      source: event.source,
      basis: event.basis,
      // A decider from outside the city (or since removed) is shown as unknown.
      decidedBy: event.decidedById ? (nameOf.get(event.decidedById) ?? null) : null,
      createdAt: event.createdAt,
    })),
    desilChanges: household.desilChanges.map((change) => ({
      id: change.id,
      fromDesil: change.fromDesil,
      toDesil: change.toDesil,
      effectiveDate: change.effectiveDate,
      source: change.source,
      basis: change.basis,
      createdAt: change.createdAt,
    })),
  };
}
