// A small city whose annual report figures are computed by hand in annual-report.test.ts.
// Fiscal year 2024. Every household count the report prints is 0 or at least 5 (so nothing is
// hidden), except the two households that left extreme poverty in August (hidden: "<5").
//
// Registry (25 households): X1–X15 extreme-poor in desil 1, D1–D5 in desil 3, N1–N5 in desil 8;
// N1–N5 graduated on 15 November 2024, so 20 stay active.
// Reach in 2024 (verified aid): Bantuan Alat Jahit (Disnaker, tool aid) X1–X5; Bantuan Pangan
// Lansia (Dinsos, food aid) X6–X10, D1–D5 and N1–N5.
// Budget 2024: Bantuan Alat Jahit APBD pagu 200 jt (150 jt verified) and fiscal incentive 100 jt
// (25 jt); Bantuan Pangan Lansia CSR 50 jt (50 jt verified, a 5 jt draft waiting). A 2023
// programme's 999 jt never counts in 2024.
// BPS: the city's 2022–2025 figures; the 2025 row lies after the report's year.
import { makeHousehold } from "@/features/registry/tests/registry-fixtures";
import type { Tx } from "@/lib/db";
import type { FundingSource } from "@/lib/generated/prisma/enums";
import type { TestTenant } from "@/tests/helpers/factories";

export const YEAR = 2024;
const M = 1_000_000n;

export const STATISTICS = [
  { year: 2022, povertyRatePct: "9.84", poorPeople: 47_210, p1: "1.512", p2: "0.365", povertyLineRupiah: 612_345n },
  { year: 2023, povertyRatePct: "9.35", poorPeople: 45_100, p1: "1.402", p2: "0.318", povertyLineRupiah: 651_234n },
  { year: 2024, povertyRatePct: "8.61", poorPeople: 41_020, p1: "1.280", p2: "0.301", povertyLineRupiah: 689_999n },
  { year: 2025, povertyRatePct: "8.10", poorPeople: 38_900, p1: "1.100", p2: "0.250", povertyLineRupiah: 720_000n },
];

export async function buildAnnualFixture(tx: Tx, tenant: TestTenant) {
  const tenantId = tenant.id;
  const disnaker = (await tx.opd.create({ data: { tenantId, code: "1", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } })).id;
  const dinsos = (await tx.opd.create({ data: { tenantId, code: "2", name: "Dinas Sosial", shortName: "Dinsos" } })).id;
  const tools = await tx.programme.create({
    data: { tenantId, opdId: disnaker, fiscalYear: YEAR, name: "Bantuan Alat Jahit", kind: "EQUIPMENT_AID", targetCount: 8, targetExtremeCount: 6 },
  });
  const food = await tx.programme.create({
    data: { tenantId, opdId: dinsos, fiscalYear: YEAR, name: "Bantuan Pangan Lansia", kind: "FOOD_AID", targetCount: 20, targetExtremeCount: 10 },
  });
  const lastYear = await tx.programme.create({ data: { tenantId, opdId: dinsos, fiscalYear: YEAR - 1, name: "Tahun Lalu", kind: "FOOD_AID" } });

  const line = async (programmeId: string, fundingSource: FundingSource, pagu: bigint) =>
    (await tx.budgetLine.create({ data: { tenantId, programmeId, fundingSource, pagu, description: `Belanja ${fundingSource}` } })).id;
  const spend = (budgetLineId: string, month: number, amount: bigint, status: "DRAFT" | "VERIFIED" = "VERIFIED") =>
    tx.budgetRealisation.create({ data: { tenantId, budgetLineId, month, amount, status } });
  await spend(await line(tools.id, "APBD", 200n * M), 3, 150n * M);
  await spend(await line(tools.id, "FISCAL_INCENTIVE", 100n * M), 6, 25n * M);
  const csr = await line(food.id, "CSR", 50n * M);
  await spend(csr, 5, 50n * M);
  await spend(csr, 7, 5n * M, "DRAFT");
  await spend(await line(lastYear.id, "APBD", 999n * M), 1, 999n * M);

  const households = async (count: number, desil: number) => {
    const made = [];
    for (let i = 0; i < count; i += 1) made.push((await makeHousehold(tx, tenant, { desil, isExtremePoor: desil === 1 })).household.id);
    return made;
  };
  const extreme = await households(15, 1);
  const desil3 = await households(5, 3);
  const desil8 = await households(5, 8);

  const aid = (programmeId: string, opdId: string, householdId: string, kind: "EQUIPMENT" | "FOOD", value: bigint) =>
    tx.aidDistribution.create({
      data: {
        tenantId,
        programmeId,
        opdId,
        householdId,
        kind,
        items: kind === "EQUIPMENT" ? "1 mesin jahit" : "Paket sembako",
        value,
        status: "VERIFIED",
        distributedAt: new Date("2024-05-01"),
      },
    });
  for (const id of extreme.slice(0, 5)) await aid(tools.id, disnaker, id, "EQUIPMENT", 2n * M);
  for (const id of [...extreme.slice(5, 10), ...desil3, ...desil8]) await aid(food.id, dinsos, id, "FOOD", M / 2n);

  const event = (householdId: string, change: { toStatus: "ACTIVE" | "GRADUATED"; fromExtremePoor: boolean; effectiveDate: string }) =>
    tx.householdStatusEvent.create({
      data: {
        tenantId,
        householdId,
        fromStatus: "ACTIVE",
        toExtremePoor: false,
        reason: "Uji",
        source: "MANUAL",
        ...change,
        effectiveDate: new Date(change.effectiveDate),
      },
    });
  for (const id of desil8) {
    await tx.household.update({ where: { tenantId_id: { tenantId, id } }, data: { status: "GRADUATED" } });
    await event(id, { toStatus: "GRADUATED", fromExtremePoor: false, effectiveDate: "2024-11-15" });
  }
  // Two households recorded as leaving extreme poverty in August: too few to print.
  for (const id of extreme.slice(13)) await event(id, { toStatus: "ACTIVE", fromExtremePoor: true, effectiveDate: "2024-08-10" });

  for (const row of STATISTICS) await tx.povertyStatistic.create({ data: { tenantId, ...row, source: "BPS Kota Uji" } });
  await tx.target.create({ data: { tenantId, indicator: "EXTREME_POOR_HOUSEHOLDS", year: 2026, value: 0 } });
  return { disnaker, dinsos };
}
