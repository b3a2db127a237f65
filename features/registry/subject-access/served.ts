// The access reports served in a city, newest first: the record an officer shows when asked
// whether a data subject's request was answered within Pasal 32's 3 × 24 hours.
import type { Tx } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { SUBJECT_ACCESS_ACTION } from "./open-report";

export type ServedReport = {
  id: string;
  at: Date;
  householdId: string;
  headName: string | null;
  form: string | null;
  by: { name: string; role: Role } | null;
};

export async function listServedReports(tx: Tx, take = 100): Promise<ServedReport[]> {
  const rows = await tx.auditLog.findMany({
    where: { action: SUBJECT_ACCESS_ACTION, entity: "Household" },
    orderBy: { id: "desc" },
    take,
    select: { id: true, createdAt: true, entityId: true, userId: true, after: true },
  });
  const householdIds = [...new Set(rows.map((row) => row.entityId).filter((id): id is string => Boolean(id)))];
  const userIds = [...new Set(rows.map((row) => row.userId).filter((id): id is string => Boolean(id)))];
  const [heads, users] = await Promise.all([
    householdIds.length
      ? tx.member.findMany({ where: { householdId: { in: householdIds }, relation: "HEAD" }, select: { householdId: true, name: true } })
      : [],
    userIds.length ? tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, role: true } }) : [],
  ]);
  const headOf = new Map(heads.map((head) => [head.householdId, head.name]));
  const userOf = new Map(users.map((user) => [user.id, { name: user.name, role: user.role }]));
  return rows.flatMap((row) =>
    row.entityId
      ? [
          {
            id: String(row.id),
            at: row.createdAt,
            householdId: row.entityId,
            headName: headOf.get(row.entityId) ?? null,
            form: formOf(row.after),
            by: row.userId ? (userOf.get(row.userId) ?? null) : null,
          },
        ]
      : [],
  );
}

function formOf(after: unknown): string | null {
  const form = after && typeof after === "object" && "form" in after ? (after as { form: unknown }).form : null;
  return typeof form === "string" ? form : null;
}
