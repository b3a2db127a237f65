import { kelurahanLabels } from "@/features/areas/labels";
import type { Tx } from "@/lib/db";
import { onMainPod } from "@/lib/db/tenant-scope";
import type { Role } from "@/lib/generated/prisma/enums";

/** A user as the list and the edit page show them. Never the password hash. */
export const userListSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  active: true,
  lastLoginAt: true,
  createdAt: true,
  opdId: true,
  kelurahanId: true,
  version: true,
  opd: { select: { id: true, code: true, shortName: true, name: true } },
  kelurahan: { select: { id: true, name: true, parent: { select: { name: true } } } },
} as const;

export type UserListRow = Awaited<ReturnType<typeof listUsers>>[number];

export type UserFilter = {
  role?: Role | null;
  neverSignedIn?: boolean;
  /** Only accounts a sign-in counter of their own locks at this moment (lib/auth/rate-limit.ts). */
  lockedAt?: Date | null;
};

/** The users a filter holds: of one role; active accounts that never signed in; accounts locked now. */
export async function userWhere(tx: Tx, filter: UserFilter) {
  return {
    ...(filter.role ? { role: filter.role } : {}),
    ...(filter.neverSignedIn ? { active: true, lastLoginAt: null } : {}),
    ...(filter.lockedAt ? { id: { in: await lockedAccounts(tx, filter.lockedAt) } } : {}),
  };
}

// The sign-in counters live beside the directory on the main pod, whatever pod the city is on.
async function lockedAccounts(tx: Tx, now: Date): Promise<string[]> {
  const rows = await onMainPod(tx, (main) =>
    main.signInDirectory.findMany({ where: { throttles: { some: { lockedUntil: { gt: now } } } }, select: { userId: true } }),
  );
  return rows.map((row) => row.userId);
}

/** The scope's city users, active first, by name; optionally of one role, only those never signed in, or only those locked. */
export async function listUsers(tx: Tx, filter: UserFilter = {}) {
  return tx.user.findMany({
    where: await userWhere(tx, filter),
    select: userListSelect,
    orderBy: [{ active: "desc" }, { name: "asc" }],
  });
}

/** Which of the city's `userIds` a sign-in counter of their own locks at `now`. */
export async function lockedUserIds(tx: Tx, userIds: readonly string[], now: Date): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await onMainPod(tx, (main) =>
    main.rateLimit.findMany({ where: { userId: { in: [...userIds] }, lockedUntil: { gt: now } }, select: { userId: true } }),
  );
  return new Set(rows.flatMap((row) => (row.userId ? [row.userId] : [])));
}

/** Users per role, counted by the database (the filter shows them). */
export async function countUsersByRole(tx: Tx): Promise<Map<Role, number>> {
  const rows = await tx.user.groupBy({ by: ["role"], _count: { _all: true } });
  return new Map(rows.map((row) => [row.role, row._count._all]));
}

/** One user of the scope's city, or null (another city's user is null too). */
export function getUser(tx: Tx, userId: string) {
  return tx.user.findFirst({ where: { id: userId }, select: userListSelect });
}

export type ScopeChoices = Awaited<ReturnType<typeof getScopeChoices>>;

/** What the role's scope can be set to: the city's active OPDs and its kelurahan by kecamatan. */
export async function getScopeChoices(tx: Tx) {
  const [opds, kelurahan] = await Promise.all([
    tx.opd.findMany({ where: { active: true }, select: { id: true, code: true, shortName: true, name: true }, orderBy: { code: "asc" } }),
    tx.area.findMany({
      where: { level: "KELURAHAN" },
      select: { id: true, code: true, name: true, parent: { select: { id: true, name: true } } },
      orderBy: [{ code: "asc" }],
    }),
  ]);
  const labels = kelurahanLabels(kelurahan.map((area) => ({ id: area.id, code: area.code, name: area.name, kecamatan: area.parent?.name ?? "" })));
  const kecamatan = new Map<string, { id: string; name: string; kelurahan: { id: string; name: string }[] }>();
  for (const area of kelurahan) {
    const parent = area.parent ?? { id: "", name: "" };
    const group = kecamatan.get(parent.id) ?? { ...parent, kelurahan: [] };
    group.kelurahan.push({ id: area.id, name: labels.get(area.id) ?? area.name });
    kecamatan.set(parent.id, group);
  }
  return { opds, kecamatan: [...kecamatan.values()] };
}

/** Names of the city's users, by id. */
export async function userNames(tx: Tx, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const users = await tx.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((user) => [user.id, user.name]));
}
