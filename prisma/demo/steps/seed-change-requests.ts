import type { Prisma } from "@/lib/generated/prisma/client";
import type { DecisionStatus } from "@/lib/generated/prisma/enums";
import { auditJson, changedFields } from "@/lib/db/audit";
import { addDays, dateToDay } from "@/lib/calendar/days";
import { demoAccountsFor } from "../demo-accounts";
import { seedId } from "../ids";
import { createRandom, hashSeed } from "../random";
import type { CitySeed } from "./types";

type Household = { id: string; address: string; rt: string | null; rw: string | null; desil: number | null };
type Plan = {
  status: DecisionStatus;
  /** Days before today it was proposed (and, when decided, days after that it was decided). */
  proposed: number;
  decidedAfter?: number;
  change: (household: Household) => { kind: "ADDRESS" | "DESIL_CHANGED"; payload: Prisma.InputJsonValue } | null;
  note?: string;
  reason?: string;
};

const otherRt = (rt: string | null) => String((Number(rt ?? "0") % 9) + 1).padStart(3, "0");
const desilStep = (desil: number | null) => (desil === null ? null : desil >= 10 ? 9 : desil + 1);

/** What the demo kelurahan sent lately: some still waiting for Dinas Sosial, some approved, one rejected. */
const PLANS = (today: Date): Plan[] => [
  {
    status: "PENDING",
    proposed: 1,
    change: (h) => ({ kind: "ADDRESS", payload: { address: h.address, rt: otherRt(h.rt), rw: h.rw ?? "001" } }),
    note: "RT keliru sejak pendataan; sesuai KK terbaru.",
  },
  {
    status: "PENDING",
    proposed: 3,
    change: (h) => {
      const desil = desilStep(h.desil);
      return desil === null
        ? null
        : { kind: "DESIL_CHANGED", payload: { desil, basis: "MUSYAWARAH_KELURAHAN", effectiveDate: dateToDay(addDays(today, -10)) } };
    },
    note: "Kepala keluarga kini bekerja tetap; hasil musyawarah kelurahan terlampir.",
  },
  {
    status: "PENDING",
    proposed: 6,
    change: (h) => ({ kind: "ADDRESS", payload: { address: `${h.address} (belakang masjid)`, rt: h.rt ?? "001", rw: h.rw ?? "001" } }),
  },
  // Approved: the registry already holds what it asked for (the address as it stands now).
  {
    status: "APPROVED",
    proposed: 20,
    decidedAfter: 2,
    change: (h) => ({ kind: "ADDRESS", payload: { address: h.address, rt: h.rt ?? "001", rw: h.rw ?? "001" } }),
    note: "Alamat dilengkapi sesuai KK.",
  },
  {
    status: "REJECTED",
    proposed: 14,
    decidedAfter: 3,
    change: (h) => {
      const desil = desilStep(h.desil);
      return desil === null ? null : { kind: "DESIL_CHANGED", payload: { desil, basis: "DTSEN_UPDATE", effectiveDate: dateToDay(addDays(today, -30)) } };
    },
    reason: "Pemutakhiran DTSEN belum memuat keluarga ini; ajukan lagi setelah data terbit.",
  },
];

/**
 * Change requests from the demo kelurahan's officer, as the propose and decide actions leave
 * them (the rows and their audit trail), so the kelurahan's and Dinas Sosial's homes have
 * something to show. Nothing is applied to the registry: an approved request asked for what
 * the registry already holds. Left alone once written.
 */
export async function seedChangeRequests(seed: CitySeed): Promise<void> {
  const { db, city, tenant, today } = seed;
  const plans = PLANS(today);
  const ids = plans.map((_, i) => seedId(city.slug, "change-request", i));
  if (await db.changeRequest.count({ where: { tenantId: tenant.id, id: { in: ids } } })) return;

  const accounts = demoAccountsFor(city.slug, city.demoKelurahan);
  const emailOf = (prefix: string) => accounts.find((account) => account.email.startsWith(`${prefix}.`))!.email;
  const users = await db.user.findMany({
    where: { tenantId: tenant.id, email: { in: [emailOf("kelurahan"), emailOf("kepala.dinsos")] } },
    select: { id: true, email: true, kelurahanId: true },
  });
  const proposer = users.find((user) => user.email === emailOf("kelurahan"));
  const decider = users.find((user) => user.email === emailOf("kepala.dinsos"));
  if (!proposer?.kelurahanId || !decider) return;

  const households: Household[] = await db.household.findMany({
    where: { tenantId: tenant.id, kelurahanId: proposer.kelurahanId, status: "ACTIVE" },
    select: { id: true, address: true, rt: true, rw: true, desil: true },
    orderBy: { id: "asc" },
  });
  if (households.length === 0) return;
  const random = createRandom(hashSeed(seed.seed, city.slug, "change-requests"));
  const chosen = random.shuffle(households);

  const audit: Prisma.AuditLogCreateManyInput[] = [];
  const rows = plans.flatMap((plan, i) => {
    const household = chosen[i % chosen.length]!;
    const change = plan.change(household);
    if (!change) return [];
    const createdAt = addDays(today, -plan.proposed);
    const proposed = {
      tenantId: tenant.id,
      id: ids[i]!,
      householdId: household.id,
      kind: change.kind,
      payload: change.payload,
      note: plan.note ?? null,
      status: "PENDING" as DecisionStatus,
      proposedById: proposer.id,
      decidedById: null as string | null,
      decidedAt: null as Date | null,
      decisionReason: null as string | null,
      createdAt,
    };
    audit.push(auditRow(tenant.id, proposer.id, "create", proposed.id, null, proposed, createdAt));
    if (plan.status === "PENDING") return [proposed];
    const decidedAt = addDays(createdAt, plan.decidedAfter ?? 1);
    const decided = { ...proposed, status: plan.status, decidedById: decider.id, decidedAt, decisionReason: plan.reason ?? null };
    audit.push(auditRow(tenant.id, decider.id, "update", proposed.id, proposed, decided, decidedAt));
    return [decided];
  });
  await db.changeRequest.createMany({ data: rows, skipDuplicates: true });
  await db.auditLog.createMany({ data: audit });
}

/** The row the action pipeline's audited write leaves: the changed fields before and after. */
function auditRow(
  tenantId: string,
  userId: string,
  action: "create" | "update",
  entityId: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  createdAt: Date,
): Prisma.AuditLogCreateManyInput {
  const changed = changedFields(before, after);
  return {
    tenantId,
    userId,
    action,
    entity: "ChangeRequest",
    entityId,
    before: auditJson("ChangeRequest", changed.before),
    after: auditJson("ChangeRequest", changed.after),
    createdAt,
  };
}
