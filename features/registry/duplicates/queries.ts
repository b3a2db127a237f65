// The review list of suspected duplicates, each pair with enough of both records to judge
// them side by side. Numbers are masked; birth dates as the viewer's person view allows.
import { loadKelurahanLabel } from "@/features/areas/labels";
import type { Tx } from "@/lib/db";
import type { DuplicateKind, DuplicateStatus, FamilyRelation, HouseholdStatus } from "@/lib/generated/prisma/enums";
import { birthFor, maskNumber, type BirthShown, type PersonView } from "@/lib/privacy/person-view";

export const DUPLICATE_PAGE_SIZE = 20;

export type DuplicatePerson = {
  id: string;
  name: string;
  nikMasked: string;
  birth: BirthShown;
  relation: FamilyRelation;
  household: { id: string; noKkMasked: string; kelurahan: string; address: string };
  interventions: number;
};

export type DuplicateHousehold = {
  id: string;
  noKkMasked: string;
  headName: string | null;
  address: string;
  rt: string | null;
  rw: string | null;
  kelurahan: string;
  desil: number | null;
  isExtremePoor: boolean;
  status: HouseholdStatus;
  members: number;
  interventions: number;
};

export type DuplicateView = {
  id: string;
  kind: DuplicateKind;
  status: DuplicateStatus;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  note: string | null;
  resolution: string | null;
  /** Null where a record no longer exists (merged away by another decision). */
  pair:
    | { kind: "person"; first: DuplicatePerson | null; second: DuplicatePerson | null }
    | { kind: "household"; first: DuplicateHousehold | null; second: DuplicateHousehold | null };
};

export async function listDuplicates(
  tx: Tx,
  filter: { view: "open" | "resolved"; after?: string },
  seen: { view: PersonView; today: Date },
  pageSize = DUPLICATE_PAGE_SIZE,
): Promise<{ rows: DuplicateView[]; nextAfter: string | null; open: number }> {
  const cursor = filter.after ? await tx.duplicateCandidate.findFirst({ where: { id: filter.after }, select: { id: true, createdAt: true } }) : null;
  const [found, open] = await Promise.all([
    tx.duplicateCandidate.findMany({
      where: {
        status: filter.view === "open" ? "OPEN" : { in: ["MERGED", "DISMISSED"] },
        ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}),
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: pageSize + 1,
    }),
    tx.duplicateCandidate.count({ where: { status: "OPEN" } }),
  ]);
  const more = found.length > pageSize;
  const page = more ? found.slice(0, pageSize) : found;

  const personIds = page.filter((c) => c.kind === "SIMILAR_PERSON").flatMap((c) => [c.firstId, c.secondId]);
  const householdIds = page.filter((c) => c.kind !== "SIMILAR_PERSON").flatMap((c) => [c.firstId, c.secondId]);
  const [people, households, users] = await Promise.all([
    loadPeople(tx, personIds, seen),
    loadHouseholds(tx, householdIds),
    tx.user.findMany({
      where: { id: { in: page.map((c) => c.resolvedById).filter((id): id is string => Boolean(id)) } },
      select: { id: true, name: true },
    }),
  ]);
  const userName = new Map(users.map((u) => [u.id, u.name]));

  return {
    rows: page.map((c) => {
      const detail = (c.detail as Record<string, unknown> | null) ?? {};
      return {
        id: c.id,
        kind: c.kind,
        status: c.status,
        createdAt: c.createdAt,
        resolvedAt: c.resolvedAt,
        resolvedBy: c.resolvedById ? (userName.get(c.resolvedById) ?? null) : null,
        note: typeof detail.note === "string" ? detail.note : null,
        resolution: typeof detail.resolution === "string" ? detail.resolution : null,
        pair:
          c.kind === "SIMILAR_PERSON"
            ? { kind: "person", first: people.get(c.firstId) ?? null, second: people.get(c.secondId) ?? null }
            : { kind: "household", first: households.get(c.firstId) ?? null, second: households.get(c.secondId) ?? null },
      };
    }),
    nextAfter: more ? (page.at(-1)?.id ?? null) : null,
    open,
  };
}

async function loadPeople(tx: Tx, ids: string[], seen: { view: PersonView; today: Date }): Promise<Map<string, DuplicatePerson>> {
  if (ids.length === 0) return new Map();
  const members = await tx.member.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      name: true,
      nik: true,
      birthDate: true,
      relation: true,
      household: { select: { id: true, noKk: true, address: true, kelurahanId: true } },
    },
  });
  const interventions = await interventionsOf(tx, "memberId", ids);
  const kelurahanLabel = await loadKelurahanLabel(tx);
  return new Map(
    members.map((m) => [
      m.id,
      {
        id: m.id,
        name: m.name,
        nikMasked: maskNumber(m.nik),
        birth: birthFor(seen.view, m.birthDate, seen.today),
        relation: m.relation,
        household: {
          id: m.household.id,
          noKkMasked: maskNumber(m.household.noKk),
          kelurahan: kelurahanLabel(m.household.kelurahanId),
          address: m.household.address,
        },
        interventions: interventions.get(m.id) ?? 0,
      },
    ]),
  );
}

async function loadHouseholds(tx: Tx, ids: string[]): Promise<Map<string, DuplicateHousehold>> {
  if (ids.length === 0) return new Map();
  const households = await tx.household.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      noKk: true,
      address: true,
      rt: true,
      rw: true,
      desil: true,
      isExtremePoor: true,
      status: true,
      kelurahanId: true,
      members: { where: { relation: "HEAD" }, select: { name: true }, take: 1 },
    },
  });
  const interventions = await interventionsOf(tx, "householdId", ids);
  const kelurahanLabel = await loadKelurahanLabel(tx);
  const memberCounts = await tx.member.groupBy({ by: ["householdId"], where: { householdId: { in: ids } }, _count: { _all: true } });
  const membersOf = new Map(memberCounts.map((row) => [row.householdId, row._count._all]));
  return new Map(
    households.map((h) => [
      h.id,
      {
        id: h.id,
        noKkMasked: maskNumber(h.noKk),
        headName: h.members[0]?.name ?? null,
        address: h.address,
        rt: h.rt,
        rw: h.rw,
        kelurahan: kelurahanLabel(h.kelurahanId),
        desil: h.desil,
        isExtremePoor: h.isExtremePoor,
        status: h.status,
        members: membersOf.get(h.id) ?? 0,
        interventions: interventions.get(h.id) ?? 0,
      },
    ]),
  );
}

/**
 * Trainings joined, aid received and loans taken per member or household, by their ids. Grouped
 * over those ids only: a Prisma `_count` selection would aggregate each whole table first.
 */
async function interventionsOf(tx: Tx, key: "memberId" | "householdId", ids: string[]): Promise<Map<string, number>> {
  const where = { [key]: { in: ids } };
  const groups = [
    await tx.trainingParticipant.groupBy({ by: [key], where, _count: { _all: true } }),
    await tx.aidDistribution.groupBy({ by: [key], where, _count: { _all: true } }),
    await tx.loan.groupBy({ by: [key], where, _count: { _all: true } }),
  ] as unknown as (Partial<Record<typeof key, string | null>> & { _count: { _all: number } })[][];
  const total = new Map<string, number>();
  for (const row of groups.flat()) {
    const id = row[key];
    if (id) total.set(id, (total.get(id) ?? 0) + row._count._all);
  }
  return total;
}
