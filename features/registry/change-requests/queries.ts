// The change-request list: pending first, then decided, newest first.
// A kelurahan officer sees the requests for households of their kelurahan. NIKs in a
// payload are masked here, and birth dates shown as the viewer's person view allows
// (lib/privacy/person-view.ts), before anything reaches the page.
import { loadKelurahanLabels } from "@/features/areas/labels";
import type { Tx } from "@/lib/db";
import type { DecisionStatus, FamilyRelation } from "@/lib/generated/prisma/enums";
import { dayToDate } from "@/lib/calendar/days";
import { birthFor, maskNumber, type BirthShown, type PersonView } from "@/lib/privacy/person-view";
import { householdScopeWhere, type RegistryScope } from "@/lib/auth/scope";
import { parseChangePayload, type ChangePayload, type ChangeKind } from "./schemas";

export const CHANGE_REQUEST_PAGE_SIZE = 30;

/** What a viewer sees of a birth in a request; the birthplace only with the date. */
type BirthFields = { birth: BirthShown | null; birthPlace: string | null | undefined };

export type MaskedChange =
  | { kind: "NEW_MEMBER"; payload: Omit<ChangePayload["NEW_MEMBER"], "nik" | "birthDate" | "birthPlace"> & BirthFields & { nikMasked: string } }
  | { kind: "ADDRESS"; payload: ChangePayload["ADDRESS"] & { kelurahanName: string | null } }
  | { kind: "STATUS"; payload: ChangePayload["STATUS"] }
  | {
      kind: "CORRECTION";
      payload: Omit<ChangePayload["CORRECTION"], "nik" | "birthDate" | "birthPlace"> & BirthFields & { nikMasked: string | null; memberName: string | null };
    }
  | { kind: "MEMBER_DIED"; payload: ChangePayload["MEMBER_DIED"] & LeavingNames }
  | { kind: "MEMBER_MOVED_OUT"; payload: ChangePayload["MEMBER_MOVED_OUT"] & LeavingNames }
  | { kind: "MEMBER_MOVED_TO_FAMILY"; payload: Omit<ChangePayload["MEMBER_MOVED_TO_FAMILY"], "targetNoKk"> & LeavingNames & { targetNoKkMasked: string } }
  | { kind: "DESIL_CHANGED"; payload: ChangePayload["DESIL_CHANGED"] }
  | { kind: "EXTREME_POVERTY_CHANGED"; payload: ChangePayload["EXTREME_POVERTY_CHANGED"] }
  | { kind: ChangeKind; payload: null };

/** The names of the member who leaves and of who becomes head, as the list shows them. */
type LeavingNames = { memberName: string | null; newHeadName: string | null };

export type ChangeRequestView = {
  id: string;
  status: DecisionStatus;
  change: MaskedChange;
  note: string | null;
  createdAt: Date;
  proposedBy: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  household: { id: string; noKkMasked: string; headName: string | null; kelurahan: string; status: string; isExtremePoor: boolean };
};

export type ChangeRequestList = { rows: ChangeRequestView[]; nextAfter: string | null };

export type ChangeRequestFilter = { view: "pending" | "decided"; householdId?: string; after?: string };

export async function listChangeRequests(
  tx: Tx,
  filter: ChangeRequestFilter,
  scope: RegistryScope,
  seen: { view: PersonView; today: Date },
  pageSize = CHANGE_REQUEST_PAGE_SIZE,
): Promise<ChangeRequestList> {
  const cursor = filter.after ? await tx.changeRequest.findFirst({ where: { id: filter.after }, select: { id: true, createdAt: true } }) : null;
  const found = await tx.changeRequest.findMany({
    where: {
      status: filter.view === "pending" ? "PENDING" : { in: ["APPROVED", "REJECTED"] },
      household: householdScopeWhere(scope),
      ...(filter.householdId ? { householdId: filter.householdId } : {}),
      ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    include: {
      household: {
        select: {
          id: true,
          noKk: true,
          status: true,
          isExtremePoor: true,
          kelurahanId: true,
          members: { select: { id: true, name: true, relation: true, departedAt: true } },
        },
      },
    },
  });
  const more = found.length > pageSize;
  const page = more ? found.slice(0, pageSize) : found;

  const userIds = [...new Set(page.flatMap((r) => [r.proposedById, r.decidedById]).filter((id): id is string => Boolean(id)))];
  // A member who moved to another family is no longer among the household's members.
  const memberIds = page.flatMap((r) => {
    const payload = r.payload as { memberId?: unknown; newHeadId?: unknown } | null;
    return [payload?.memberId, payload?.newHeadId].filter((id): id is string => typeof id === "string");
  });
  const [users, kelurahanLabel, named] = await Promise.all([
    userIds.length ? tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
    loadKelurahanLabels(tx),
    memberIds.length ? tx.member.findMany({ where: { id: { in: memberIds } }, select: { id: true, name: true, relation: true } }) : [],
  ]);
  const userName = new Map(users.map((u) => [u.id, u.name]));

  return {
    rows: page.map((r) => {
      const members = r.household.members;
      const current = members.filter((m) => !m.departedAt);
      return {
        id: r.id,
        status: r.status,
        change: maskChange(r.kind, r.payload, [...members, ...named], kelurahanLabel, seen),
        note: r.note,
        createdAt: r.createdAt,
        proposedBy: userName.get(r.proposedById) ?? null,
        decidedBy: r.decidedById ? (userName.get(r.decidedById) ?? null) : null,
        decidedAt: r.decidedAt,
        decisionReason: r.decisionReason,
        household: {
          id: r.household.id,
          noKkMasked: maskNumber(r.household.noKk),
          headName: current.find((m) => m.relation === "HEAD")?.name ?? current[0]?.name ?? null,
          kelurahan: kelurahanLabel.get(r.household.kelurahanId) ?? "",
          status: r.household.status,
          isExtremePoor: r.household.isExtremePoor,
        },
      };
    }),
    nextAfter: more ? (page.at(-1)?.id ?? null) : null,
  };
}

/** How many requests wait for a decision in the scope (for the menu badge and the tab). */
export async function countPendingChangeRequests(tx: Tx, scope: RegistryScope): Promise<number> {
  return tx.changeRequest.count({ where: { status: "PENDING", household: householdScopeWhere(scope) } });
}

function maskChange(
  kind: ChangeKind,
  raw: unknown,
  members: { id: string; name: string; relation: FamilyRelation }[],
  kelurahanLabel: ReadonlyMap<string, string>,
  seen: { view: PersonView; today: Date },
): MaskedChange {
  const birthFields = (birthDate: string | undefined, birthPlace: string | null | undefined): BirthFields => {
    const birth = birthDate ? birthFor(seen.view, dayToDate(birthDate), seen.today) : null;
    return { birth, birthPlace: birth && !birth.date ? undefined : birthPlace };
  };
  const nameOf = (id: string | undefined) => (id ? (members.find((m) => m.id === id)?.name ?? null) : null);
  const leavingNames = (payload: { memberId: string; newHeadId?: string }): LeavingNames => ({
    memberName: nameOf(payload.memberId),
    newHeadName: nameOf(payload.newHeadId),
  });
  const parsed = parseChangePayload(kind, raw);
  if (!parsed.success) return { kind, payload: null };
  switch (kind) {
    case "NEW_MEMBER": {
      const { nik, birthDate, birthPlace, ...rest } = parsed.data as ChangePayload["NEW_MEMBER"];
      return { kind, payload: { ...rest, ...birthFields(birthDate, birthPlace), nikMasked: maskNumber(nik) } };
    }
    case "ADDRESS": {
      const payload = parsed.data as ChangePayload["ADDRESS"];
      return { kind, payload: { ...payload, kelurahanName: payload.kelurahanId ? (kelurahanLabel.get(payload.kelurahanId) ?? null) : null } };
    }
    case "STATUS":
      return { kind, payload: parsed.data as ChangePayload["STATUS"] };
    case "CORRECTION": {
      const { nik, birthDate, birthPlace, ...rest } = parsed.data as ChangePayload["CORRECTION"];
      return {
        kind,
        payload: {
          ...rest,
          ...birthFields(birthDate, birthPlace),
          nikMasked: nik ? maskNumber(nik) : null,
          memberName: members.find((m) => m.id === rest.memberId)?.name ?? null,
        },
      };
    }
    case "MEMBER_DIED": {
      const payload = parsed.data as ChangePayload["MEMBER_DIED"];
      return { kind, payload: { ...payload, ...leavingNames(payload) } };
    }
    case "MEMBER_MOVED_OUT": {
      const payload = parsed.data as ChangePayload["MEMBER_MOVED_OUT"];
      return { kind, payload: { ...payload, ...leavingNames(payload) } };
    }
    case "MEMBER_MOVED_TO_FAMILY": {
      const { targetNoKk, ...rest } = parsed.data as ChangePayload["MEMBER_MOVED_TO_FAMILY"];
      return { kind, payload: { ...rest, ...leavingNames(rest), targetNoKkMasked: maskNumber(targetNoKk) } };
    }
    case "DESIL_CHANGED":
      return { kind, payload: parsed.data as ChangePayload["DESIL_CHANGED"] };
    case "EXTREME_POVERTY_CHANGED":
      return { kind, payload: parsed.data as ChangePayload["EXTREME_POVERTY_CHANGED"] };
  }
}
