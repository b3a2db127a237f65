// One money trail: aid recorded against a budget line meets its pagu and its absorption by the
// line's own rule (features/budget/line-entries.ts), on every page and figure, with realisation
// under the same lock. ON_TOP: the aid is spending of its own, beside the realisation.
// AID_IS_REALISATION: the aid itemises spending already realised; it adds nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDistributionDefinition, reverseDistributionDefinition, verifyDistributionsDefinition } from "@/features/aid/action-definitions";
import { importDistributionsDefinition } from "@/features/aid/distribution-import";
import { createRealisationDefinition, verifyRealisationsDefinition } from "@/features/budget/action-definitions";
import { budgetOverview, monthlyBreakdown } from "@/features/budget/queries";
import { lineTotals } from "@/features/budget/totals";
import { budgetDashboardQueries } from "@/features/dashboards/budget/queries";
import type { DashboardFilters } from "@/features/dashboards/filters";
import { createBudgetLineDefinition, updateBudgetLineDefinition } from "@/features/programmes/action-definitions";
import type { AnyActionDefinition } from "@/lib/actions/define";
import { runAction } from "@/lib/actions/run";
import type { SessionUser } from "@/lib/auth/session-user";
import type { AidBudgetMode, FundingSource } from "@/lib/generated/prisma/enums";
import type { TableImportReport } from "@/lib/spreadsheet/table-import";
import { actionDeps, sessionUser, submitted } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestHousehold, createTestTenant } from "@/tests/helpers/factories";
import { runTableImport } from "@/tests/helpers/table-imports";

const YEAR = 2024;
const JULY = { year: YEAR, month: 7 };

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});

afterAll(async () => {
  await t?.close();
});

/** A city of its own for each test: an OPD with a clerk and a head, and one household with a member. */
async function newCity() {
  const city = await createTestTenant(t.db, t.withTenant);
  const read = <T>(fn: Parameters<typeof t.withTenant<T>>[1]) => t.withTenant(city.id, fn);
  const fixture = await read(async (tx) => {
    const opd = await tx.opd.create({ data: { tenantId: city.id, code: "1.06", name: "Dinas Sosial", shortName: "Dinsos" } });
    const programme = await tx.programme.create({
      data: { tenantId: city.id, opdId: opd.id, fiscalYear: YEAR, name: "Bantuan Peralatan Kerja", kind: "EQUIPMENT_AID" },
    });
    const household = await createTestHousehold(tx, city);
    const nik = `5271${String(Date.now()).slice(-6)}${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;
    await tx.member.create({
      data: { tenantId: city.id, householdId: household.id, nik, name: "Lalu Ahmad", sex: "MALE", birthDate: new Date("1980-05-01"), relation: "HEAD" },
    });
    return { opdId: opd.id, programmeId: programme.id, householdId: household.id, nik };
  });
  const staff = sessionUser(city, "OPD_STAFF", { id: `staf-${city.slug}`, opdId: fixture.opdId });
  const head = sessionUser(city, "OPD_HEAD", { id: `kepala-${city.slug}`, opdId: fixture.opdId });
  let serial = 0;
  const next = () => (serial += 1);

  const run = (user: SessionUser, definition: AnyActionDefinition, input: Record<string, unknown>, locale?: string) =>
    runAction(
      { ...actionDeps(t, user), requestMeta: async () => ({ requestId: "req-test", ip: "127.0.0.1", locale }) },
      definition,
      city.slug,
      submitted(input),
    );
  const ok = async (user: SessionUser, definition: AnyActionDefinition, input: Record<string, unknown>) => {
    const result = await run(user, definition, input);
    if (!result.ok) throw new Error(`${result.code}: ${JSON.stringify(result.fieldErrors ?? result.message)}`);
    return result.data as Record<string, string>;
  };

  const line = (pagu: bigint, aidMode: AidBudgetMode, fundingSource: FundingSource = aidMode === "ON_TOP" ? "CSR" : "APBD") =>
    read(async (tx) => {
      const created = await tx.budgetLine.create({
        data: {
          tenantId: city.id,
          programmeId: fixture.programmeId,
          fundingSource,
          partnerName: fundingSource === "CSR" ? "PT Mitra Sejahtera" : null,
          description: `Paket peralatan ${next()}`,
          pagu,
          aidMode,
        },
      });
      return created.id;
    });
  const aidInput = (budgetLineId: string, value: string) => ({
    programmeId: fixture.programmeId,
    budgetLineId,
    householdId: fixture.householdId,
    kind: "OTHER",
    items: "1 paket peralatan",
    quantity: "1",
    value,
    distributedAt: "2024-03-12",
    proofRef: `BAST/${next()}/2024`,
    acknowledgeDuplicate: "on",
  });
  const realisationInput = (budgetLineId: string, amount: string) => ({ budgetLineId, month: "3", amount, referenceNo: `${next()}/SP2D/${city.slug}` });
  /** Records and verifies: aid (distributionId) or realisation (realisationId). */
  const aid = async (budgetLineId: string, value: string) => {
    const { distributionId } = await ok(staff, createDistributionDefinition, aidInput(budgetLineId, value));
    await ok(head, verifyDistributionsDefinition, { ids: distributionId });
    return distributionId;
  };
  const realisation = async (budgetLineId: string, amount: string) => {
    const { realisationId } = await ok(staff, createRealisationDefinition, realisationInput(budgetLineId, amount));
    await ok(head, verifyRealisationsDefinition, { ids: realisationId });
    return realisationId;
  };
  const totals = async (budgetLineId: string) => (await read((tx) => lineTotals(tx, { tenantId: city.id, budgetLineId })))[0]!;
  return { city, read, ...fixture, staff, head, run, ok, line, aidInput, realisationInput, aid, realisation, totals };
}

const fieldErrors = (result: unknown) => (result as { fieldErrors?: Record<string, string[]> }).fieldErrors ?? {};

describe("aid against the pagu", () => {
  it("refuses aid over the pagu, saying how much pagu is left, in the reader's language", async () => {
    const c = await newCity();
    const csr = await c.line(1_500_000n, "ON_TOP");
    const over = await c.run(c.staff, createDistributionDefinition, c.aidInput(csr, "2.000.000"));
    expect(over).toMatchObject({ ok: false, code: "INVALID" });
    expect(fieldErrors(over).value?.[0]).toBe("Nilai bantuan melebihi pagu pos anggaran. Sisa pagu pos ini Rp\u00a01.500.000.");
    const english = await c.run(c.staff, createDistributionDefinition, c.aidInput(csr, "2.000.000"), "en");
    expect(english).toMatchObject({ ok: false, message: "The aid's value is over the budget line's pagu. This line has Rp\u00a01.500.000 left." });
    expect(await c.read((tx) => tx.aidDistribution.count({ where: { budgetLineId: csr } }))).toBe(0);
  });

  it("the issue's case: on a CSR line, Rp 1.500.000 realised leaves no room for Rp 2.000.000 of aid", async () => {
    const c = await newCity();
    const csr = await c.line(1_500_000n, "ON_TOP");
    await c.realisation(csr, "1.500.000");
    const over = await c.run(c.staff, createDistributionDefinition, c.aidInput(csr, "2.000.000"));
    expect(fieldErrors(over).value?.[0]).toBe("Nilai bantuan melebihi pagu pos anggaran. Sisa pagu pos ini Rp\u00a00.");
    const realisation = await c.run(c.staff, createRealisationDefinition, c.realisationInput(csr, "1"), "en");
    expect(realisation).toMatchObject({ ok: false, code: "INVALID", message: "Over the pagu. This line has Rp\u00a00 left." });
  });

  it("ON_TOP: aid and realisation each count once, together, and together stop at the pagu", async () => {
    const c = await newCity();
    const csr = await c.line(3_000_000n, "ON_TOP");
    await c.aid(csr, "1.000.000");
    await c.realisation(csr, "1.500.000");
    // A draft of aid holds pagu (as a realisation draft does) and waits to count.
    const { distributionId: draft } = await c.ok(c.staff, createDistributionDefinition, c.aidInput(csr, "300.000"));
    expect(await c.totals(csr)).toMatchObject({
      realised: 2_500_000n,
      pendingCount: 1,
      pendingAmount: 300_000n,
      aidVerified: 1_000_000n,
      aidPendingCount: 1,
      aidPendingAmount: 300_000n,
    });
    const overRealisation = await c.run(c.staff, createRealisationDefinition, c.realisationInput(csr, "200.001"));
    expect(fieldErrors(overRealisation).amount?.[0]).toBe("Melebihi pagu. Sisa pagu pos ini Rp\u00a0200.000.");
    const overAid = await c.run(c.staff, createDistributionDefinition, c.aidInput(csr, "200.001"));
    expect(fieldErrors(overAid).value?.[0]).toBe("Nilai bantuan melebihi pagu pos anggaran. Sisa pagu pos ini Rp\u00a0200.000.");
    await c.ok(c.head, verifyDistributionsDefinition, { ids: draft });
    // The month of the hand-over shows it, and the year adds up to the same.
    const months = await c.read((tx) => monthlyBreakdown(tx, csr));
    expect(months[2]).toMatchObject({ month: 3, realised: 2_800_000n, pendingCount: 0 });
    expect(months.reduce((sum, m) => sum + m.realised, 0n)).toBe(2_800_000n);
  });

  it("AID_IS_REALISATION: absorption is the realisation only, and the aid on its own stays within the pagu", async () => {
    const c = await newCity();
    const apbd = await c.line(1_500_000n, "AID_IS_REALISATION");
    await c.realisation(apbd, "1.500.000");
    await c.aid(apbd, "1.000.000");
    await c.aid(apbd, "500.000");
    expect(await c.totals(apbd)).toMatchObject({ realised: 1_500_000n, pendingCount: 0, aidVerified: 1_500_000n });
    const overAid = await c.run(c.staff, createDistributionDefinition, c.aidInput(apbd, "1"));
    expect(fieldErrors(overAid).value?.[0]).toBe("Nilai bantuan melebihi pagu pos anggaran. Sisa pagu pos ini Rp\u00a00.");
    const overview = await c.read((tx) => budgetOverview(tx, { tenantId: c.city.id, scope: { kind: "city" }, fiscalYear: YEAR }));
    expect(overview.find((row) => row.id === apbd)).toMatchObject({ realised: 1_500_000n, aidVerified: 1_500_000n });
  });

  it("a verified reversal of aid frees its pagu and takes it out of absorption; a pending one frees nothing", async () => {
    const c = await newCity();
    const csr = await c.line(1_000_000n, "ON_TOP");
    const given = await c.aid(csr, "1.000.000");
    const { distributionId: reversal } = await c.ok(c.staff, reverseDistributionDefinition, { distributionId: given, note: "Salah pos anggaran" });
    expect(fieldErrors(await c.run(c.staff, createDistributionDefinition, c.aidInput(csr, "1"))).value?.[0]).toMatch(/Sisa pagu pos ini Rp\u00a00\.$/);
    await c.ok(c.head, verifyDistributionsDefinition, { ids: reversal });
    expect(await c.totals(csr)).toMatchObject({ realised: 0n, aidVerified: 0n });
    await c.aid(csr, "1.000.000");
  });

  it("aid and realisation entered on one line at the same moment never pass the pagu together", async () => {
    const c = await newCity();
    // Room for exactly five entries of 2.000.000; six of aid and six of realisation try at once.
    const csr = await c.line(10_000_000n, "ON_TOP");
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        i % 2 === 0
          ? c.run(c.staff, createDistributionDefinition, c.aidInput(csr, "2.000.000"))
          : c.run(c.staff, createRealisationDefinition, c.realisationInput(csr, "2.000.000")),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(5);
    for (const refused of results.filter((result) => !result.ok)) expect(Object.values(fieldErrors(refused)).flat()[0]).toMatch(/Sisa pagu pos ini/);
    const [aidSum, realisedSum] = await c.read((tx) =>
      Promise.all([
        tx.aidDistribution.aggregate({ where: { budgetLineId: csr }, _sum: { value: true } }),
        tx.budgetRealisation.aggregate({ where: { budgetLineId: csr }, _sum: { amount: true } }),
      ]),
    );
    expect((aidSum._sum.value ?? 0n) + (realisedSum._sum.amount ?? 0n)).toBe(10_000_000n);
  });

  it("an aid import names the line in POS ANGGARAN and is held to its pagu row by row", async () => {
    const c = await newCity();
    const csr = await c.line(1_500_000n, "ON_TOP");
    const description = await c.read(async (tx) => (await tx.budgetLine.findFirstOrThrow({ where: { id: csr } })).description);
    const header = "PROGRAM;NIK;NO KK;JENIS;BANTUAN;JUMLAH;NILAI;TANGGAL;NOMOR BUKTI;POS ANGGARAN;MITRA";
    const rows = [
      `Bantuan Peralatan Kerja;${c.nik};;Bantuan lain;1 mesin jahit;1;1.000.000;12-03-2024;BAST/IMP-1/2024;${description};`,
      `Bantuan Peralatan Kerja;${c.nik};;Bantuan lain;1 mesin obras;1;1.000.000;13-03-2024;BAST/IMP-2/2024;${csr};`,
    ];
    const form = new FormData();
    form.set("file", new File([[header, ...rows].join("\r\n")], "penyaluran.csv", { type: "text/csv" }));
    form.set("mode", "commit");
    form.set("acknowledgeDuplicates", "on");
    const result = await runTableImport(t, actionDeps(t, c.staff), importDistributionsDefinition, c.city.slug, form);
    if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
    const report = result.data as TableImportReport;
    expect(report).toMatchObject({ total: 2, accepted: 1 });
    expect(report.rejected.map((row) => row.rowNumber)).toEqual([3]);
    expect(report.rejected[0]?.reasons.join("; ")).toMatch(/Sisa pagu pos ini Rp\u00a0500\.000/);
    expect(await c.read((tx) => tx.aidDistribution.findMany({ where: { budgetLineId: csr }, select: { value: true } }))).toEqual([{ value: 1_000_000n }]);
  });
});

describe("the line's setting", () => {
  it("defaults by source (CSR on top, APBD as realisation), and a change that would leave the line over its pagu is refused", async () => {
    const c = await newCity();
    const created = async (fundingSource: FundingSource, aidMode = "") => {
      const { budgetLineId } = await c.ok(c.staff, createBudgetLineDefinition, {
        programmeId: c.programmeId,
        fundingSource,
        partnerName: fundingSource === "CSR" ? "PT Mitra" : "",
        description: `Pos ${fundingSource} ${aidMode}`,
        pagu: "1.500.000",
        aidMode,
      });
      return c.read((tx) => tx.budgetLine.findFirstOrThrow({ where: { id: budgetLineId } }));
    };
    expect((await created("CSR")).aidMode).toBe("ON_TOP");
    expect((await created("APBD")).aidMode).toBe("AID_IS_REALISATION");
    const line = await created("DAK", "AID_IS_REALISATION");
    await c.realisation(line.id, "1.000.000");
    await c.aid(line.id, "1.000.000");
    // On top, the same entries would be 2.000.000 against a pagu of 1.500.000.
    const onTop = await c.run(c.staff, updateBudgetLineDefinition, {
      budgetLineId: line.id,
      version: String(line.version),
      fundingSource: "DAK",
      partnerName: "",
      description: line.description,
      pagu: "1.500.000",
      aidMode: "ON_TOP",
    });
    expect(fieldErrors(onTop).pagu?.[0]).toBe("Pagu tidak boleh di bawah yang sudah dicatat pada pos ini (Rp\u00a02.000.000).");
    expect((await c.read((tx) => tx.budgetLine.findFirstOrThrow({ where: { id: line.id } }))).aidMode).toBe("AID_IS_REALISATION");
    await c.ok(c.staff, updateBudgetLineDefinition, {
      budgetLineId: line.id,
      version: String(line.version),
      fundingSource: "DAK",
      partnerName: "",
      description: line.description,
      pagu: "2.000.000",
      aidMode: "ON_TOP",
    });
    expect(await c.totals(line.id)).toMatchObject({ pagu: 2_000_000n, realised: 2_000_000n });
  });
});

describe("the mayor's absorption", () => {
  it("equals a recount of the entries by each line's rule, on every view of the dashboard", async () => {
    const c = await newCity();
    const csr = await c.line(10_000_000n, "ON_TOP");
    const apbd = await c.line(20_000_000n, "AID_IS_REALISATION");
    await c.realisation(csr, "2.000.000");
    await c.aid(csr, "3.000.000");
    await c.ok(c.staff, createDistributionDefinition, c.aidInput(csr, "500.000")); // a draft: pending
    await c.realisation(apbd, "8.000.000");
    await c.aid(apbd, "8.000.000");
    await c.ok(c.staff, createDistributionDefinition, c.aidInput(apbd, "700.000")); // itemising: not pending

    const recount = await c.read(async (tx) => {
      const [realised, aid, pendingRealisation, pendingAid] = await Promise.all([
        tx.budgetRealisation.aggregate({ where: { status: "VERIFIED" }, _sum: { amount: true } }),
        tx.aidDistribution.aggregate({ where: { status: "VERIFIED", budgetLine: { aidMode: "ON_TOP" } }, _sum: { value: true } }),
        tx.budgetRealisation.aggregate({ where: { status: "DRAFT" }, _sum: { amount: true } }),
        tx.aidDistribution.aggregate({ where: { status: "DRAFT", budgetLine: { aidMode: "ON_TOP" } }, _sum: { value: true } }),
      ]);
      return {
        realised: (realised._sum.amount ?? 0n) + (aid._sum.value ?? 0n),
        pending: (pendingRealisation._sum.amount ?? 0n) + (pendingAid._sum.value ?? 0n),
      };
    });
    expect(recount).toEqual({ realised: 13_000_000n, pending: 500_000n });

    const all: DashboardFilters = { year: YEAR, kecamatanId: null, opdId: null, programmeId: null };
    const q = budgetDashboardQueries;
    const [summary, byOpd, byProgramme, bySource, curve] = await c.read((tx) =>
      Promise.all([q.summary(tx, all, JULY), q.byOpd(tx, all, JULY), q.byProgramme(tx, all, JULY), q.bySource(tx, all, JULY), q.monthlyCurve(tx, all, JULY)]),
    );
    expect(summary.total).toMatchObject({ pagu: 30_000_000n, realised: recount.realised, pendingAmount: recount.pending, absorption: 43.33 });
    expect(byOpd.map((row) => row.realised)).toEqual([recount.realised]);
    expect(byProgramme.map((row) => row.realised)).toEqual([recount.realised]);
    expect(bySource.map((row) => [row.fundingSource, row.realised])).toEqual([
      ["APBD", 8_000_000n],
      ["CSR", 5_000_000n],
    ]);
    expect(curve.at(-1)?.cumulative).toBe(recount.realised);
    expect(curve[2]?.realised).toBe(recount.realised);
    const overview = await c.read((tx) => budgetOverview(tx, { tenantId: c.city.id, scope: { kind: "city" }, fiscalYear: YEAR }));
    expect(overview.reduce((sum, row) => sum + row.realised, 0n)).toBe(recount.realised);
  });
});
