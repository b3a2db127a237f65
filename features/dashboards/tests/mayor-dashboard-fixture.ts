// A small city whose dashboard figures are computed by hand in mayor-dashboard.test.ts.
// Fiscal year 2024; "today" for the calendar is July 2024 (six months over: 50 %).
import type { Tx } from "@/lib/db";
import type { FundingSource } from "@/lib/generated/prisma/enums";
import type { TestTenant } from "@/tests/helpers/factories";
import { addKelurahan, makeHousehold } from "@/features/registry/tests/registry-fixtures";

export const YEAR = 2024;
export const JULY_2024 = { year: 2024, month: 7 };
const M = 1_000_000n;

type Fixture = { opdA: string; opdB: string; p1: string; p2: string; p3: string; kecamatan2: string };

async function line(tx: Tx, tenantId: string, programmeId: string, fundingSource: FundingSource, pagu: bigint) {
  return (await tx.budgetLine.create({ data: { tenantId, programmeId, fundingSource, pagu, description: `Belanja ${fundingSource}` } })).id;
}

async function spend(tx: Tx, tenantId: string, budgetLineId: string, month: number, amount: bigint, status: "DRAFT" | "VERIFIED", reversesId?: string) {
  return (await tx.budgetRealisation.create({ data: { tenantId, budgetLineId, month, amount, status, reversesId: reversesId ?? null } })).id;
}

export async function buildFixture(tx: Tx, tenant: TestTenant): Promise<Fixture> {
  const tenantId = tenant.id;
  const opdA = (await tx.opd.create({ data: { tenantId, code: "1", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } })).id;
  const opdB = (await tx.opd.create({ data: { tenantId, code: "2", name: "Dinas Sosial", shortName: "Dinsos" } })).id;
  const programme = async (opdId: string, name: string, fiscalYear = YEAR) =>
    (await tx.programme.create({ data: { tenantId, opdId, fiscalYear, name, kind: "TRAINING" } })).id;
  const p1 = await programme(opdA, "Pelatihan Menjahit");
  const p2 = await programme(opdA, "Bantuan Alat");
  const p3 = await programme(opdB, "Rumah Layak Huni");
  const p4 = await programme(opdB, "Tahun Lalu", 2023);

  // P1: APBD 100 jt (30 jt verified, 5 jt draft); fiscal incentive 200 jt: 60 + 30 − 30 (verified
  // reversal) + 40 (its draft reversal is pending, not yet subtracted) = 100 jt.
  const p1Apbd = await line(tx, tenantId, p1, "APBD", 100n * M);
  await spend(tx, tenantId, p1Apbd, 1, 10n * M, "VERIFIED");
  await spend(tx, tenantId, p1Apbd, 3, 20n * M, "VERIFIED");
  await spend(tx, tenantId, p1Apbd, 3, 5n * M, "DRAFT");
  const p1Fi = await line(tx, tenantId, p1, "FISCAL_INCENTIVE", 200n * M);
  await spend(tx, tenantId, p1Fi, 2, 60n * M, "VERIFIED");
  const reversed = await spend(tx, tenantId, p1Fi, 4, 30n * M, "VERIFIED");
  await spend(tx, tenantId, p1Fi, 4, -30n * M, "VERIFIED", reversed);
  const toReverse = await spend(tx, tenantId, p1Fi, 5, 40n * M, "VERIFIED");
  await spend(tx, tenantId, p1Fi, 5, -40n * M, "DRAFT", toReverse);
  // P2: DAK 50 jt, 5 jt spent: 10 % against 50 % of the calendar — behind.
  await spend(tx, tenantId, await line(tx, tenantId, p2, "DAK", 50n * M), 1, 5n * M, "VERIFIED");
  // P3: CSR 40 jt, 20 jt spent in June.
  await spend(tx, tenantId, await line(tx, tenantId, p3, "CSR", 40n * M), 6, 20n * M, "VERIFIED");
  // Another year: never counted in 2024.
  await spend(tx, tenantId, await line(tx, tenantId, p4, "APBD", 999n * M), 1, 999n * M, "VERIFIED");

  // Households H1–H7 in the tenant's kecamatan, H8 in a second one.
  const second = await addKelurahan(tx, tenant);
  const house = async (where: { kecamatanId?: string; kelurahanId?: string } = {}) => {
    const made = await makeHousehold(tx, tenant, { ...where, members: [{ name: `Kepala H${++serial}` }, { name: `Istri H${serial}` }] });
    const [head, spouse] = made.members;
    if (!head || !spouse) throw new Error("fixture household without two members");
    return { household: made.household, members: [head, spouse] as const };
  };
  let serial = 0;
  const h1 = await house(),
    h2 = await house(),
    h3 = await house(),
    h4 = await house(),
    h5 = await house(),
    h6 = await house(),
    h7 = await house();
  const h8 = await house(second);

  const training = await tx.training.create({
    data: {
      tenantId,
      programmeId: p1,
      opdId: opdA,
      skill: "Menjahit",
      place: "BLK",
      capacity: 20,
      status: "VERIFIED",
      startDate: new Date("2024-03-01"),
      endDate: new Date("2024-03-20"),
    },
  });
  const participant = async (member: { id: string; householdId: string }, completion: "COMPLETED" | "DROPPED", status: "DRAFT" | "VERIFIED") =>
    (
      await tx.trainingParticipant.create({
        data: { tenantId, trainingId: training.id, householdId: member.householdId, memberId: member.id, completion, status },
      })
    ).id;
  const followUp = (participantId: string, monthsAfter: number, outcome: "BUSINESS_OPENED" | "EMPLOYED") =>
    tx.trainingFollowUp.create({ data: { tenantId, participantId, monthsAfter, dueDate: new Date("2024-09-20"), outcome } });
  const m1 = await participant(h1.members[0], "COMPLETED", "VERIFIED");
  await followUp(m1, 3, "BUSINESS_OPENED");
  await followUp(m1, 6, "BUSINESS_OPENED");
  await followUp(await participant(h2.members[0], "COMPLETED", "VERIFIED"), 3, "EMPLOYED");
  await participant(h2.members[1], "DROPPED", "VERIFIED");
  await followUp(await participant(h3.members[0], "COMPLETED", "DRAFT"), 3, "BUSINESS_OPENED");
  await participant(h8.members[0], "COMPLETED", "VERIFIED");

  const aid = async (programmeId: string, opdId: string, householdId: string, status: "DRAFT" | "VERIFIED", value = 1n * M, reversesId?: string) =>
    (
      await tx.aidDistribution.create({
        data: {
          tenantId,
          programmeId,
          opdId,
          householdId,
          kind: "EQUIPMENT",
          items: "1 mesin jahit",
          value,
          status,
          distributedAt: new Date("2024-05-01"),
          reversesId: reversesId ?? null,
        },
      })
    ).id;
  await aid(p2, opdA, h4.household.id, "VERIFIED");
  await aid(p2, opdA, h5.household.id, "VERIFIED", -1n * M, await aid(p2, opdA, h5.household.id, "VERIFIED"));
  await aid(p2, opdA, h6.household.id, "DRAFT", -1n * M, await aid(p2, opdA, h6.household.id, "VERIFIED"));
  await aid(p2, opdA, h7.household.id, "DRAFT");
  await aid(p2, opdA, h1.household.id, "VERIFIED");
  await aid(p3, opdB, h4.household.id, "VERIFIED");

  const event = (householdId: string, toStatus: "GRADUATED" | "ACTIVE", effectiveDate: string) =>
    tx.householdStatusEvent.create({
      data: {
        tenantId,
        householdId,
        fromStatus: "ACTIVE",
        toStatus,
        fromExtremePoor: toStatus === "ACTIVE",
        toExtremePoor: false,
        effectiveDate: new Date(effectiveDate),
        reason: "Uji",
        source: "MANUAL",
      },
    });
  await event(h1.household.id, "GRADUATED", "2024-06-01");
  await event(h4.household.id, "GRADUATED", "2023-12-01");
  await event(h6.household.id, "GRADUATED", "2025-02-01");
  await event(h2.household.id, "ACTIVE", "2024-06-01");

  return { opdA, opdB, p1, p2, p3, kecamatan2: second.kecamatanId };
}
