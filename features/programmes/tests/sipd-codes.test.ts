import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnyActionDefinition } from "@/lib/actions/define";
import { runAction } from "@/lib/actions/run";
import type { SessionUser } from "@/lib/auth/session-user";
import {
  createBudgetLineDefinition,
  createProgrammeDefinition,
  updateBudgetLineDefinition,
  updateProgrammeDefinition,
} from "@/features/programmes/action-definitions";
import { actionDeps, sessionUser, submitted } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";

let t: TestDb;
let city: TestTenant;
let staff: SessionUser;

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  const dinsos = await t.withTenant(city.id, (tx) => tx.opd.create({ data: { tenantId: city.id, code: "1.06", name: "Dinas Sosial", shortName: "Dinsos" } }));
  staff = sessionUser(city, "OPD_STAFF", { id: "staf-dinsos", opdId: dinsos.id });
});

afterAll(async () => {
  await t?.close();
});

const run = (definition: AnyActionDefinition, input: Record<string, unknown>) => runAction(actionDeps(t, staff), definition, city.slug, submitted(input));
const read = <T>(fn: Parameters<typeof t.withTenant<T>>[1]) => t.withTenant(city.id, fn);
const fieldErrors = (result: unknown) => (result as { fieldErrors?: Record<string, string[]> }).fieldErrors ?? {};

const programmeForm = (overrides: Record<string, unknown> = {}) => ({
  name: "Bantuan Sosial Lansia",
  kind: "SOCIAL_ASSISTANCE",
  fiscalYear: "2024",
  targetUnit: "PERSON",
  targetCount: "100",
  targetExtremeCount: "50",
  ...overrides,
});

describe("SIPD codes on programmes and budget lines", () => {
  it("refuses a malformed sub-kegiatan code and writes nothing; stores a valid one, and blank as none", async () => {
    const bad = await run(createProgrammeDefinition, programmeForm({ sipdCode: "1.06.04" }));
    expect(bad).toMatchObject({ ok: false, code: "INVALID" });
    expect(fieldErrors(bad).sipdCode?.[0]).toMatch(/U\.BB\.PP\.K\.KK\.SSSS/);
    expect(await read((tx) => tx.programme.count({ where: { name: "Bantuan Sosial Lansia" } }))).toBe(0);

    const good = await run(createProgrammeDefinition, programmeForm({ sipdCode: "1.06.04.2.01.0001" }));
    expect(good.ok, JSON.stringify(good)).toBe(true);
    const id = (good as { data: { programmeId: string } }).data.programmeId;
    expect(await read((tx) => tx.programme.findFirst({ where: { id } }))).toMatchObject({ sipdCode: "1.06.04.2.01.0001" });

    const badEdit = await run(updateProgrammeDefinition, programmeForm({ programmeId: id, version: 1, sipdCode: "1.06.04.2.01.01" }));
    expect(fieldErrors(badEdit).sipdCode).toBeDefined();
    expect(await read((tx) => tx.programme.findFirst({ where: { id } }))).toMatchObject({ sipdCode: "1.06.04.2.01.0001", version: 1 });

    const cleared = await run(updateProgrammeDefinition, programmeForm({ programmeId: id, version: 1, sipdCode: "" }));
    expect(cleared.ok, JSON.stringify(cleared)).toBe(true);
    expect(await read((tx) => tx.programme.findFirst({ where: { id } }))).toMatchObject({ sipdCode: null });
  });

  it("refuses a malformed account code and writes nothing; stores a valid one", async () => {
    const programme = await run(createProgrammeDefinition, programmeForm({ name: "Bantuan Pangan", kind: "FOOD_AID" }));
    expect(programme.ok, JSON.stringify(programme)).toBe(true);
    const programmeId = (programme as { data: { programmeId: string } }).data.programmeId;
    const line = { programmeId, fundingSource: "APBD", description: "Belanja bantuan sosial uang", pagu: "10 juta" };

    const bad = await run(createBudgetLineDefinition, { ...line, accountCode: "5.1.6.01.01.0001" });
    expect(bad).toMatchObject({ ok: false, code: "INVALID" });
    expect(fieldErrors(bad).accountCode?.[0]).toMatch(/Kode rekening/);
    expect(await read((tx) => tx.budgetLine.count({ where: { programmeId } }))).toBe(0);

    const good = await run(createBudgetLineDefinition, { ...line, accountCode: "5.1.06.01.01.0001" });
    expect(good.ok, JSON.stringify(good)).toBe(true);
    const budgetLineId = (good as { data: { budgetLineId: string } }).data.budgetLineId;

    const edited = await run(updateBudgetLineDefinition, { ...line, budgetLineId, version: 1, accountCode: "5.1.06.01.02" });
    expect(edited.ok, JSON.stringify(edited)).toBe(true);
    expect(await read((tx) => tx.budgetLine.findFirst({ where: { id: budgetLineId } }))).toMatchObject({ accountCode: "5.1.06.01.02" });
  });

  it("the database holds the same formats when a write skips the forms", async () => {
    const programme = await read((tx) => tx.programme.findFirstOrThrow({ where: { name: "Bantuan Pangan" } }));
    const where = { tenantId_id: { tenantId: city.id, id: programme.id } };
    await expect(read((tx) => tx.programme.update({ where, data: { sipdCode: "1.06" } }))).rejects.toThrow(/sipdCode_check/);
    const line = await read((tx) => tx.budgetLine.findFirstOrThrow({ where: { programmeId: programme.id } }));
    await expect(
      read((tx) => tx.budgetLine.update({ where: { tenantId_id: { tenantId: city.id, id: line.id } }, data: { accountCode: "5.1" } })),
    ).rejects.toThrow(/accountCode_check/);
  });
});
