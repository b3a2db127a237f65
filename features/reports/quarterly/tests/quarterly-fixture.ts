// A small city whose quarterly report (fiscal year 2026) is computed by hand in
// quarterly-report.test.ts: two strategies, three programmes, budget lines in two funding
// sources realised in Q1–Q4, and nine households reached in Q2 and Q3.
import type { Tx } from "@/lib/db";
import type { FundingSource, ProgrammeKind, TargetUnit } from "@/lib/generated/prisma/enums";
import type { TestTenant } from "@/tests/helpers/factories";
import { makeHousehold } from "@/features/registry/tests/registry-fixtures";

export const YEAR = 2026;
export const M = 1_000_000n;

export async function buildQuarterlyFixture(tx: Tx, tenant: TestTenant) {
  const tenantId = tenant.id;
  const disnaker = (await tx.opd.create({ data: { tenantId, code: "1", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } })).id;
  const dinsos = (await tx.opd.create({ data: { tenantId, code: "2", name: "Dinas Sosial", shortName: "Dinsos" } })).id;
  const programme = async (
    opdId: string,
    name: string,
    kind: ProgrammeKind,
    sipdCode: string,
    targetUnit: TargetUnit,
    targetCount: number,
    targetExtremeCount: number,
  ) => (await tx.programme.create({ data: { tenantId, opdId, fiscalYear: YEAR, name, kind, sipdCode, targetUnit, targetCount, targetExtremeCount } })).id;
  const sewing = await programme(disnaker, "Pelatihan Menjahit", "TRAINING", "2.07.03.2.01.0001", "HOUSEHOLD", 10, 6);
  const tools = await programme(disnaker, "Bantuan Alat Usaha", "EQUIPMENT_AID", "2.07.03.2.01.0002", "HOUSEHOLD", 8, 5);
  const food = await programme(dinsos, "Bantuan Pangan", "FOOD_AID", "1.06.04.2.01.0001", "PERSON", 20, 20);
  const lastYear = await programme(dinsos, "Bantuan Pangan Lama", "FOOD_AID", "1.06.04.2.01.0001", "PERSON", 1, 1);
  await tx.programme.update({ where: { tenantId_id: { tenantId, id: lastYear } }, data: { fiscalYear: YEAR - 1 } });

  const line = async (programmeId: string, fundingSource: FundingSource, pagu: bigint, accountCode: string | null) =>
    (await tx.budgetLine.create({ data: { tenantId, programmeId, fundingSource, pagu, accountCode, description: `Belanja ${fundingSource}` } })).id;
  const spend = (budgetLineId: string, month: number, amount: bigint, status: "DRAFT" | "VERIFIED" = "VERIFIED") =>
    tx.budgetRealisation.create({ data: { tenantId, budgetLineId, month, amount, status } });

  // Sewing: APBD 100 jt — 10 jt in May, 20 jt in August, a 5 jt draft in September, 7 jt in
  // November; fiscal incentive 50 jt — 15 jt in July.
  const sewingApbd = await line(sewing, "APBD", 100n * M, "5.1.02.01.01.0039");
  await spend(sewingApbd, 5, 10n * M);
  await spend(sewingApbd, 8, 20n * M);
  await spend(sewingApbd, 9, 5n * M, "DRAFT");
  await spend(sewingApbd, 11, 7n * M);
  await spend(await line(sewing, "FISCAL_INCENTIVE", 50n * M, null), 7, 15n * M);
  // Tools: fiscal incentive 40 jt — 8 jt in April, 12 jt in September.
  const toolsFi = await line(tools, "FISCAL_INCENTIVE", 40n * M, "5.1.06.01.02");
  await spend(toolsFi, 4, 8n * M);
  await spend(toolsFi, 9, 12n * M);
  // Food: APBD 60 jt — 6 jt in March, 30 jt in June.
  const foodApbd = await line(food, "APBD", 60n * M, "5.1.06.01.01.0001");
  await spend(foodApbd, 3, 6n * M);
  await spend(foodApbd, 6, 30n * M);
  // Last year's programme: never in 2026.
  await spend(await line(lastYear, "APBD", 999n * M, null), 8, 999n * M);

  // H1–H9; H1, H2, H4, H6 and H8 extreme-poor.
  const households = [];
  for (let i = 1; i <= 9; i++) {
    const made = await makeHousehold(tx, tenant, { desil: [1, 2, 4, 6, 8].includes(i) ? 1 : 3, members: [{ name: `Kepala H${i}` }] });
    households.push(made.household.id);
  }
  const aid = (programmeId: string, opdId: string, householdId: string, kind: "EQUIPMENT" | "FOOD", verifiedAt: string) =>
    tx.aidDistribution.create({
      data: {
        tenantId,
        programmeId,
        opdId,
        householdId,
        kind,
        items: kind === "FOOD" ? "Paket sembako" : "1 mesin jahit",
        value: 1n * M,
        status: "VERIFIED",
        distributedAt: new Date(verifiedAt),
        verifiedAt: new Date(`${verifiedAt}T03:00:00Z`),
      },
    });
  // Tools reached H1–H5 in May (Q2); food H4–H9 in August (Q3): H4 and H5 were reached already.
  for (const household of households.slice(0, 5)) await aid(tools, disnaker, household, "EQUIPMENT", "2026-05-10");
  for (const household of households.slice(3, 9)) await aid(food, dinsos, household, "FOOD", "2026-08-10");
  // Date each household's first reach by its entries (the seed's way), not by when the test ran.
  await tx.$executeRaw`SELECT entas_reach_first_reached_fill(${tenantId})`;
  return { disnaker, dinsos, sewing, tools, food, households };
}
