// Entries people can believe: a realisation carries its SP2D / SPJ number once per city, so
// the same file imported twice saves once; a programme has one line per source and description.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnyActionDefinition } from "@/lib/actions/define";
import { runAction } from "@/lib/actions/run";
import type { SessionUser } from "@/lib/auth/session-user";
import { createRealisationDefinition, updateRealisationDefinition } from "@/features/budget/action-definitions";
import { importRealisationsDefinition } from "@/features/budget/realisation-import";
import { createBudgetLineDefinition, updateBudgetLineDefinition } from "@/features/programmes/action-definitions";
import type { TableImportReport } from "@/lib/spreadsheet/table-import";
import { actionDeps, sessionUser, submitted } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";
import { runTableImport } from "@/tests/helpers/table-imports";

let t: TestDb;
let city: TestTenant;
let otherCity: TestTenant;
let staff: SessionUser;
let dinsosStaff: SessionUser;
let otherStaff: SessionUser;
let programme: string;
let line: string;
let dinsosLine: string;
let otherLine: string;

const read = <T>(fn: Parameters<typeof t.withTenant<T>>[1]) => t.withTenant(city.id, fn);

async function newLine(tenantId: string, opdId: string, name: string) {
  return t.withTenant(tenantId, async (tx) => {
    const created = await tx.programme.create({ data: { tenantId, opdId, fiscalYear: 2024, name, kind: "TRAINING" } });
    const budgetLine = await tx.budgetLine.create({
      data: { tenantId, programmeId: created.id, fundingSource: "APBD", description: "Belanja pelatihan", pagu: 500_000_000n },
    });
    return { programme: created.id, line: budgetLine.id };
  });
}

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  otherCity = await createTestTenant(t.db, t.withTenant);
  const [disnaker, dinsos] = await read(async (tx) => [
    (await tx.opd.create({ data: { tenantId: city.id, code: "2.07", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } })).id,
    (await tx.opd.create({ data: { tenantId: city.id, code: "1.06", name: "Dinas Sosial", shortName: "Dinsos" } })).id,
  ]);
  const otherOpd = await t.withTenant(
    otherCity.id,
    async (tx) => (await tx.opd.create({ data: { tenantId: otherCity.id, code: "2.07", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } })).id,
  );
  staff = sessionUser(city, "OPD_STAFF", { id: "staf-disnaker", opdId: disnaker });
  dinsosStaff = sessionUser(city, "OPD_STAFF", { id: "staf-dinsos", opdId: dinsos });
  otherStaff = sessionUser(otherCity, "OPD_STAFF", { id: "staf-lain", opdId: otherOpd });
  ({ programme, line } = await newLine(city.id, disnaker, "Pelatihan Menjahit"));
  dinsosLine = (await newLine(city.id, dinsos, "Jaring Sosial")).line;
  otherLine = (await newLine(otherCity.id, otherOpd, "Pelatihan Menjahit")).line;
});

afterAll(async () => {
  await t?.close();
});

const run = (user: SessionUser, definition: AnyActionDefinition, input: Record<string, unknown>, slug = city.slug) =>
  runAction(actionDeps(t, user), definition, slug, submitted(input));

const entriesOf = (budgetLineId: string) => read((tx) => tx.budgetRealisation.findMany({ where: { budgetLineId }, orderBy: { month: "asc" } }));

describe("realisation references", () => {
  const file = () =>
    new File(
      [
        [
          "ID POS ANGGARAN;BULAN;NO SP2D/SPJ;JUMLAH;CATATAN",
          `${line};1;0001/SP2D/LS/2024;7.750.000;honor`,
          `${line};2;0002/SP2D/LS/2024;7.750.000;bahan`,
          `${line};3;0003/SP2D/LS/2024;7.750.000;konsumsi`,
        ].join("\r\n"),
      ],
      "realisasi.csv",
      { type: "text/csv" },
    );

  async function importFile(user: SessionUser, upload: File) {
    const form = new FormData();
    form.set("file", upload);
    form.set("mode", "commit");
    const result = await runTableImport(t, actionDeps(t, user), importRealisationsDefinition, city.slug, form);
    if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
    return result.data as TableImportReport;
  }

  it("the same file imported twice saves once; the second import's rows are refused naming their reference", async () => {
    expect((await importFile(staff, file())).accepted).toBe(3);
    const again = await importFile(staff, file());
    expect(again.accepted).toBe(0);
    expect(again.rejected.map((row) => [row.rowNumber, row.reasons.join("; ")])).toEqual([
      [2, expect.stringContaining("0001/SP2D/LS/2024 sudah tercatat")],
      [3, expect.stringContaining("0002/SP2D/LS/2024 sudah tercatat")],
      [4, expect.stringContaining("0003/SP2D/LS/2024 sudah tercatat")],
    ]);
    const entries = await entriesOf(line);
    expect(entries.map((entry) => [entry.month, entry.referenceNo, entry.amount])).toEqual([
      [1, "0001/SP2D/LS/2024", 7_750_000n],
      [2, "0002/SP2D/LS/2024", 7_750_000n],
      [3, "0003/SP2D/LS/2024", 7_750_000n],
    ]);
  });

  it("a reference repeated within one file is saved for its first row only", async () => {
    const twice = new File(
      [["ID POS ANGGARAN;BULAN;NO SP2D/SPJ;JUMLAH", `${line};4;0100/SPJ/2024;1000000`, `${line};5;0100/spj/2024 ;1000000`].join("\r\n")],
      "realisasi.csv",
      { type: "text/csv" },
    );
    const data = await importFile(staff, twice);
    expect(data.accepted).toBe(1);
    expect(data.rejected.map((row) => row.rowNumber)).toEqual([3]);
    expect(data.rejected[0]!.reasons.join()).toMatch(/sudah tercatat/);
  });

  it("a row without its reference is refused", async () => {
    const bare = new File([["ID POS ANGGARAN;BULAN;NO SP2D/SPJ;JUMLAH", `${line};6;;1000000`].join("\r\n")], "realisasi.csv", { type: "text/csv" });
    const data = await importFile(staff, bare);
    expect(data.rejected[0]!.reasons.join()).toMatch(/NO SP2D\/SPJ wajib diisi/);
  });

  it("the form refuses a reference the city already has, spaced or cased otherwise, in any OPD, and on edit", async () => {
    const first = await run(staff, createRealisationDefinition, { budgetLineId: line, month: "7", referenceNo: "0200/SP2D/LS/2024", amount: "1000000" });
    expect(first.ok).toBe(true);
    const repeat = await run(staff, createRealisationDefinition, { budgetLineId: line, month: "8", referenceNo: " 0200/sp2d/ls/2024", amount: "1000000" });
    expect(repeat).toMatchObject({
      ok: false,
      code: "NUMBER_TAKEN",
      fieldErrors: { referenceNo: [expect.stringMatching(/0200\/sp2d\/ls\/2024 sudah tercatat/)] },
    });
    const elsewhere = await run(dinsosStaff, createRealisationDefinition, {
      budgetLineId: dinsosLine,
      month: "8",
      referenceNo: "0200/SP2D/LS/2024",
      amount: "1000000",
    });
    expect(elsewhere).toMatchObject({ ok: false, code: "NUMBER_TAKEN" });
    const missing = await run(staff, createRealisationDefinition, { budgetLineId: line, month: "8", referenceNo: "  ", amount: "1000000" });
    expect(missing).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { referenceNo: [expect.any(String)] } });

    const second = await run(staff, createRealisationDefinition, { budgetLineId: line, month: "8", referenceNo: "0201/SP2D/LS/2024", amount: "1000000" });
    const secondId = (second as { data: { realisationId: string } }).data.realisationId;
    const edit = (referenceNo: string) =>
      run(staff, updateRealisationDefinition, { realisationId: secondId, version: "1", month: "8", referenceNo, amount: "1000000" });
    expect(await edit("0200/SP2D/LS/2024")).toMatchObject({ ok: false, code: "NUMBER_TAKEN" });
    expect(await edit("0201/SP2D/LS/2024")).toMatchObject({ ok: true });
  });

  it("another city's entry may carry the same number", async () => {
    const result = await run(
      otherStaff,
      createRealisationDefinition,
      { budgetLineId: otherLine, month: "1", referenceNo: "0001/SP2D/LS/2024", amount: "1000000" },
      otherCity.slug,
    );
    expect(result.ok).toBe(true);
  });

  it("the unique index holds a writer that skips the check", async () => {
    await expect(
      read((tx) => tx.budgetRealisation.create({ data: { tenantId: city.id, budgetLineId: line, month: 9, amount: 1n, referenceNo: "0001/SP2D/LS/2024" } })),
    ).rejects.toThrow(/referenceKey|Unique constraint/);
  });
});

describe("budget lines", () => {
  const lineInput = (description: string, fundingSource = "APBD") => ({
    programmeId: programme,
    fundingSource,
    description,
    pagu: "10000000",
    partnerName: "",
  });

  it("a second line with the same source and description is refused; another source or description is not", async () => {
    const repeat = await run(staff, createBudgetLineDefinition, lineInput("  belanja   PELATIHAN "));
    expect(repeat).toMatchObject({ ok: false, code: "CONFLICT", fieldErrors: { description: [expect.stringMatching(/sumber dana dan uraian yang sama/)] } });
    expect(await read((tx) => tx.budgetLine.count({ where: { programmeId: programme } }))).toBe(1);

    expect(await run(staff, createBudgetLineDefinition, lineInput("Belanja pelatihan", "DAK"))).toMatchObject({ ok: true });
    const other = await run(staff, createBudgetLineDefinition, lineInput("Belanja bahan"));
    expect(other).toMatchObject({ ok: true });
    const otherId = (other as { data: { budgetLineId: string } }).data.budgetLineId;
    const renamed = await run(staff, updateBudgetLineDefinition, { ...lineInput("Belanja pelatihan"), budgetLineId: otherId, version: "1" });
    expect(renamed).toMatchObject({ ok: false, code: "CONFLICT" });
  });
});
