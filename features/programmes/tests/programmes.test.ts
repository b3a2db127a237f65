import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnyActionDefinition } from "@/lib/actions/define";
import { runAction } from "@/lib/actions/run";
import type { SessionUser } from "@/lib/auth/session-user";
import {
  createBudgetLineDefinition,
  createProgrammeDefinition,
  deleteBudgetLineDefinition,
  deleteProgrammeDefinition,
  updateBudgetLineDefinition,
  updateProgrammeDefinition,
} from "@/features/programmes/action-definitions";
import { getProgramme, listProgrammeLines, listProgrammes, programmeYears } from "@/features/programmes/queries";
import { programmeScope } from "@/lib/auth/scope";
import { actionDeps, sessionUser, submitted } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";

let t: TestDb;
let city: TestTenant;
let otherCity: TestTenant;
let disnaker: string;
let dinsos: string;
let staff: SessionUser;
let dinsosStaff: SessionUser;

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  otherCity = await createTestTenant(t.db, t.withTenant);
  [disnaker, dinsos] = await t.withTenant(city.id, async (tx) => [
    (await tx.opd.create({ data: { tenantId: city.id, code: "2.07", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } })).id,
    (await tx.opd.create({ data: { tenantId: city.id, code: "1.06", name: "Dinas Sosial", shortName: "Dinsos" } })).id,
  ]);
  staff = sessionUser(city, "OPD_STAFF", { id: "staf-disnaker", opdId: disnaker });
  dinsosStaff = sessionUser(city, "OPD_STAFF", { id: "staf-dinsos", opdId: dinsos });
});

afterAll(async () => {
  await t?.close();
});

const run = (user: SessionUser, definition: AnyActionDefinition, input: Record<string, unknown>, slug = city.slug) =>
  runAction(actionDeps(t, user), definition, slug, submitted(input));

const programmeForm = (overrides: Record<string, unknown> = {}) => ({
  name: "Pelatihan Menjahit",
  kind: "TRAINING",
  fiscalYear: "2024",
  description: "",
  targetUnit: "PERSON",
  targetCount: "1.200",
  targetExtremeCount: "840",
  ...overrides,
});

const read = <T>(fn: Parameters<typeof t.withTenant<T>>[1]) => t.withTenant(city.id, fn);

async function newProgramme(name: string, user = staff, overrides: Record<string, unknown> = {}) {
  const result = await run(user, createProgrammeDefinition, programmeForm({ name, ...overrides }));
  if (!result.ok) throw new Error(`${result.code}: ${JSON.stringify(result.fieldErrors ?? result.message)}`);
  return (result.data as { programmeId: string }).programmeId;
}

describe("programmes", () => {
  it("an OPD clerk creates a programme of their own OPD, whatever OPD the form names", async () => {
    const result = await run(staff, createProgrammeDefinition, programmeForm({ name: "Pelatihan Tata Boga", opdId: dinsos }));
    expect(result.ok).toBe(true);
    const id = (result as { data: { programmeId: string } }).data.programmeId;
    const programme = await read((tx) => tx.programme.findFirst({ where: { id } }));
    expect(programme).toMatchObject({ opdId: disnaker, fiscalYear: 2024, kind: "TRAINING", targetCount: 1200, targetExtremeCount: 840, description: null });
    const audit = await read((tx) => tx.auditLog.findMany({ where: { entity: "Programme", entityId: id } }));
    expect(audit).toHaveLength(1);
  });

  it("refuses more extreme-poor than targets, a bad year and a duplicate name, with Indonesian field messages", async () => {
    const tooMany = await run(staff, createProgrammeDefinition, programmeForm({ name: "Sablon", targetCount: "10", targetExtremeCount: "11" }));
    expect(tooMany).toMatchObject({ ok: false, code: "INVALID" });
    expect((tooMany as { fieldErrors: Record<string, string[]> }).fieldErrors.targetExtremeCount?.[0]).toMatch(/miskin ekstrem/);

    const badYear = await run(staff, createProgrammeDefinition, programmeForm({ name: "Sablon", fiscalYear: "1999" }));
    expect((badYear as { fieldErrors: Record<string, string[]> }).fieldErrors.fiscalYear?.[0]).toMatch(/Tahun anggaran/);

    await newProgramme("Pelatihan Barista");
    const duplicate = await run(staff, createProgrammeDefinition, programmeForm({ name: "pelatihan barista" }));
    expect(duplicate).toMatchObject({ ok: false, code: "CONFLICT" });
    expect((duplicate as { fieldErrors: Record<string, string[]> }).fieldErrors.name).toBeDefined();
    // Another OPD may use the same name.
    expect((await run(dinsosStaff, createProgrammeDefinition, programmeForm({ name: "Pelatihan Barista" }))).ok).toBe(true);
  });

  it("another OPD's clerk, another city and a read-only role cannot change a programme", async () => {
    const id = await newProgramme("Pelatihan Perbengkelan");
    const edit = programmeForm({ programmeId: id, version: 1, name: "Dibajak" });

    expect(await run(dinsosStaff, updateProgrammeDefinition, edit)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await run(dinsosStaff, deleteProgrammeDefinition, { programmeId: id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const stranger = sessionUser(otherCity, "OPD_STAFF", { opdId: disnaker });
    expect(await run(stranger, updateProgrammeDefinition, edit)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await run(stranger, updateProgrammeDefinition, edit, otherCity.slug)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await run(sessionUser(city, "BAPEDA"), updateProgrammeDefinition, edit)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await run(sessionUser(city, "OPD_STAFF"), updateProgrammeDefinition, edit)).toMatchObject({ ok: false, code: "FORBIDDEN" });

    expect(await read((tx) => tx.programme.findFirst({ where: { id } }))).toMatchObject({ name: "Pelatihan Perbengkelan" });
    expect(await read((tx) => tx.auditLog.count({ where: { entityId: id, action: "update" } }))).toBe(0);
  });

  it("edits a programme; its year is fixed once realisation exists", async () => {
    const id = await newProgramme("Bantuan Peralatan", staff, { kind: "EQUIPMENT_AID" });
    const renamed = await run(
      staff,
      updateProgrammeDefinition,
      programmeForm({ programmeId: id, version: 1, name: "Bantuan Peralatan Usaha", kind: "EQUIPMENT_AID", fiscalYear: "2025" }),
    );
    expect(renamed.ok).toBe(true);
    const line = await run(staff, createBudgetLineDefinition, { programmeId: id, fundingSource: "APBD", description: "Belanja barang", pagu: "Rp 1 miliar" });
    const lineId = (line as { data: { budgetLineId: string } }).data.budgetLineId;
    await read((tx) => tx.budgetRealisation.create({ data: { tenantId: city.id, budgetLineId: lineId, month: 1, amount: 1_000_000n } }));
    const moved = await run(
      staff,
      updateProgrammeDefinition,
      programmeForm({ programmeId: id, version: 2, name: "Bantuan Peralatan Usaha", kind: "EQUIPMENT_AID", fiscalYear: "2024" }),
    );
    expect(moved).toMatchObject({ ok: false, code: "INVALID" });
    expect(await read((tx) => tx.programme.findFirst({ where: { id } }))).toMatchObject({ name: "Bantuan Peralatan Usaha", fiscalYear: 2025 });
  });

  it("deletes only an empty programme", async () => {
    const empty = await newProgramme("Salah Ketik");
    expect(await run(staff, deleteProgrammeDefinition, { programmeId: empty })).toMatchObject({ ok: true });
    const withLine = await newProgramme("Punya Pos");
    await run(staff, createBudgetLineDefinition, { programmeId: withLine, fundingSource: "APBD", description: "Belanja", pagu: "1000000" });
    expect(await run(staff, deleteProgrammeDefinition, { programmeId: withLine })).toMatchObject({ ok: false, code: "CONFLICT" });
  });
});

describe("budget lines", () => {
  it("reads the pagu as typed (1.500.000, Rp1,5 juta, 1500000) and keeps a partner only for CSR and other sources", async () => {
    const id = await newProgramme("Rumah Layak Huni", staff, { kind: "HOUSING", targetUnit: "HOUSEHOLD" });
    const cases = [
      { fundingSource: "APBD", pagu: "1.500.000", partnerName: "diabaikan" },
      { fundingSource: "FISCAL_INCENTIVE", pagu: "Rp1,5 juta", partnerName: "" },
      { fundingSource: "CSR", pagu: "1500000", partnerName: "PT Bank NTB Syariah" },
    ];
    for (const fields of cases) {
      const result = await run(staff, createBudgetLineDefinition, { programmeId: id, description: "Belanja bahan bangunan", ...fields });
      expect(result.ok, JSON.stringify(result)).toBe(true);
    }
    const lines = await read((tx) => tx.budgetLine.findMany({ where: { programmeId: id }, orderBy: { createdAt: "asc" } }));
    expect(lines.map((line) => [line.fundingSource, line.pagu, line.partnerName])).toEqual([
      ["APBD", 1_500_000n, null],
      ["FISCAL_INCENTIVE", 1_500_000n, null],
      ["CSR", 1_500_000n, "PT Bank NTB Syariah"],
    ]);
  });

  it("refuses CSR without its company, a zero or malformed pagu", async () => {
    const id = await newProgramme("Bantuan Bibit", staff, { kind: "SEEDLINGS" });
    const csr = await run(staff, createBudgetLineDefinition, { programmeId: id, fundingSource: "CSR", description: "Bibit cabai", pagu: "5 juta" });
    expect((csr as { fieldErrors: Record<string, string[]> }).fieldErrors.partnerName?.[0]).toBe("Isi nama perusahaan mitra CSR.");
    const zero = await run(staff, createBudgetLineDefinition, { programmeId: id, fundingSource: "APBD", description: "Bibit cabai", pagu: "0" });
    expect((zero as { fieldErrors: Record<string, string[]> }).fieldErrors.pagu?.[0]).toBe("Pagu harus lebih dari Rp 0.");
    const english = await run(staff, createBudgetLineDefinition, { programmeId: id, fundingSource: "APBD", description: "Bibit cabai", pagu: "1.5 juta" });
    expect((english as { fieldErrors: Record<string, string[]> }).fieldErrors.pagu?.[0]).toMatch(/koma/);
  });

  it("keeps the pagu above what is committed, and a line with realisation", async () => {
    const id = await newProgramme("Iuran BPJS", staff, { kind: "INSURANCE_PREMIUM" });
    const created = await run(staff, createBudgetLineDefinition, { programmeId: id, fundingSource: "APBD", description: "Iuran", pagu: "10 juta" });
    const lineId = (created as { data: { budgetLineId: string } }).data.budgetLineId;
    await read((tx) => tx.budgetRealisation.create({ data: { tenantId: city.id, budgetLineId: lineId, month: 2, amount: 4_000_000n } }));
    const lower = await run(staff, updateBudgetLineDefinition, {
      budgetLineId: lineId,
      version: 1,
      fundingSource: "APBD",
      description: "Iuran",
      pagu: "3 juta",
    });
    expect(lower).toMatchObject({ ok: false, code: "INVALID" });
    expect((lower as { fieldErrors: Record<string, string[]> }).fieldErrors.pagu?.[0]).toMatch(/Rp\u00a04\.000\.000/);
    const ok = await run(staff, updateBudgetLineDefinition, {
      budgetLineId: lineId,
      version: 1,
      fundingSource: "DAK",
      description: "Iuran BPJS TK",
      pagu: "4 juta",
    });
    expect(ok.ok).toBe(true);
    expect(await run(staff, deleteBudgetLineDefinition, { budgetLineId: lineId })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(
      await run(dinsosStaff, updateBudgetLineDefinition, { budgetLineId: lineId, version: 2, fundingSource: "APBD", description: "Dibajak", pagu: "99 juta" }),
    ).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await read((tx) => tx.budgetLine.findFirst({ where: { id: lineId } }))).toMatchObject({ pagu: 4_000_000n, fundingSource: "DAK" });
  });

  it("deletes an unused line", async () => {
    const id = await newProgramme("Bantuan Pangan", staff, { kind: "FOOD_AID" });
    const created = await run(staff, createBudgetLineDefinition, { programmeId: id, fundingSource: "APBD", description: "Beras", pagu: "2 juta" });
    const lineId = (created as { data: { budgetLineId: string } }).data.budgetLineId;
    expect(await run(dinsosStaff, deleteBudgetLineDefinition, { budgetLineId: lineId })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await run(staff, deleteBudgetLineDefinition, { budgetLineId: lineId })).toMatchObject({ ok: true });
  });
});

describe("programme reads", () => {
  it("OPD roles see their own OPD's programmes; city-wide readers see all, or one OPD", async () => {
    const own = await read((tx) => listProgrammes(tx, { tenantId: city.id, scope: programmeScope(staff), fiscalYear: 2024 }));
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((row) => row.opd.id === disnaker)).toBe(true);

    const bapeda = programmeScope(sessionUser(city, "BAPEDA"));
    const all = await read((tx) => listProgrammes(tx, { tenantId: city.id, scope: bapeda, fiscalYear: 2024 }));
    expect(new Set(all.map((row) => row.opd.id))).toEqual(new Set([disnaker, dinsos]));
    const picked = await read((tx) => listProgrammes(tx, { tenantId: city.id, scope: bapeda, fiscalYear: 2024, opdId: dinsos }));
    expect(picked.every((row) => row.opd.id === dinsos)).toBe(true);

    const dinsosId = picked[0]!.id;
    expect(await read((tx) => getProgramme(tx, programmeScope(staff), dinsosId))).toBeNull();
    expect(await read((tx) => getProgramme(tx, bapeda, dinsosId))).not.toBeNull();
    expect(await read((tx) => programmeYears(tx, programmeScope(staff)))).toEqual([2025, 2024]);
    expect(await read((tx) => programmeYears(tx, programmeScope(sessionUser(city, "OPD_STAFF"))))).toEqual([]);
  });

  it("totals a programme's lines: pagu, verified realisation, pending drafts", async () => {
    const id = await newProgramme("Modal Usaha", staff, { kind: "CAPITAL_AID" });
    const a = await run(staff, createBudgetLineDefinition, { programmeId: id, fundingSource: "APBD", description: "Hibah", pagu: "6 juta" });
    const b = await run(staff, createBudgetLineDefinition, { programmeId: id, fundingSource: "FISCAL_INCENTIVE", description: "Hibah", pagu: "4 juta" });
    const [lineA, lineB] = [a, b].map((r) => (r as { data: { budgetLineId: string } }).data.budgetLineId) as [string, string];
    await read((tx) =>
      tx.budgetRealisation.createMany({
        data: [
          { tenantId: city.id, budgetLineId: lineA, month: 1, amount: 1_000_000n, status: "VERIFIED" },
          { tenantId: city.id, budgetLineId: lineB, month: 2, amount: 2_500_000n, status: "VERIFIED" },
          { tenantId: city.id, budgetLineId: lineB, month: 3, amount: 500_000n, status: "DRAFT" },
        ],
      }),
    );
    const rows = await read((tx) => listProgrammes(tx, { tenantId: city.id, scope: programmeScope(staff), fiscalYear: 2024 }));
    expect(rows.find((row) => row.id === id)?.totals).toEqual({ pagu: 10_000_000n, realised: 3_500_000n, pendingCount: 1, pendingAmount: 500_000n, lines: 2 });
    const lines = await read((tx) => listProgrammeLines(tx, city.id, id));
    expect(lines.map((line) => [line.pagu, line.realised, line.pendingCount])).toEqual([
      [6_000_000n, 1_000_000n, 0],
      [4_000_000n, 2_500_000n, 1],
    ]);
  });
});
