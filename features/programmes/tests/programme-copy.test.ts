// A programme and its lines are copied into the next fiscal year: same programme, each line
// with its pagu as next year's proposal, no entries. Refused when next year already has it
// or lies past the years a programme may be planned in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnyActionDefinition } from "@/lib/actions/define";
import { runAction } from "@/lib/actions/run";
import type { SessionUser } from "@/lib/auth/session-user";
import { copyProgrammeDefinition, createBudgetLineDefinition, createProgrammeDefinition } from "@/features/programmes/action-definitions";
import { currentYearMonth } from "@/lib/calendar/months";
import { actionDeps, sessionUser, submitted } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";

let t: TestDb;
const thisYear = currentYearMonth("Asia/Jakarta").year;

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => {
  await t?.close();
});

type City = { city: TestTenant; staff: SessionUser; otherStaff: SessionUser; head: SessionUser; bapeda: SessionUser };

async function newCity(): Promise<City> {
  const city = await createTestTenant(t.db, t.withTenant);
  const [disnaker, dinsos] = await t.withTenant(city.id, async (tx) => [
    (await tx.opd.create({ data: { tenantId: city.id, code: "2.07", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } })).id,
    (await tx.opd.create({ data: { tenantId: city.id, code: "1.06", name: "Dinas Sosial", shortName: "Dinsos" } })).id,
  ]);
  return {
    city,
    staff: sessionUser(city, "OPD_STAFF", { id: `staf-${city.slug}`, opdId: disnaker }),
    head: sessionUser(city, "OPD_HEAD", { id: `kepala-${city.slug}`, opdId: disnaker }),
    otherStaff: sessionUser(city, "OPD_STAFF", { id: `staf-dinsos-${city.slug}`, opdId: dinsos }),
    bapeda: sessionUser(city, "BAPEDA", { id: `bapeda-${city.slug}` }),
  };
}

const run = (c: City, user: SessionUser, definition: AnyActionDefinition, input: Record<string, unknown>) =>
  runAction(actionDeps(t, user), definition, c.city.slug, submitted(input));

async function ok<T>(promise: ReturnType<typeof run>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.code}: ${JSON.stringify(result.fieldErrors ?? result.message)}`);
  return result.data as T;
}

async function newProgramme(c: City, fiscalYear: number, name = "Pelatihan Menjahit"): Promise<string> {
  const { programmeId } = await ok<{ programmeId: string }>(
    run(c, c.staff, createProgrammeDefinition, {
      name,
      kind: "TRAINING",
      fiscalYear: String(fiscalYear),
      description: "Pelatihan menjahit bagi perempuan kepala keluarga",
      targetUnit: "PERSON",
      targetCount: "120",
      targetExtremeCount: "40",
    }),
  );
  return programmeId;
}

async function newLine(c: City, programmeId: string, input: Record<string, unknown>): Promise<string> {
  const { budgetLineId } = await ok<{ budgetLineId: string }>(run(c, c.staff, createBudgetLineDefinition, { programmeId, partnerName: "", ...input }));
  return budgetLineId;
}

describe("copying a programme into the next year", () => {
  it("makes the same programme in the next year with its lines and their pagu, no entries, audited, and leaves the original as it was", async () => {
    const c = await newCity();
    const original = await newProgramme(c, thisYear);
    const apbd = await newLine(c, original, { fundingSource: "APBD", description: "Belanja pelatihan", pagu: "150.000.000" });
    await newLine(c, original, { fundingSource: "CSR", partnerName: "PT Semen Kupang", description: "Mesin jahit", pagu: "Rp45 juta" });
    await t.withTenant(c.city.id, (tx) =>
      tx.budgetRealisation.create({ data: { tenantId: c.city.id, budgetLineId: apbd, month: 1, amount: 7_750_000n, referenceNo: "0001/SP2D/LS" } }),
    );

    const { programmeId } = await ok<{ programmeId: string }>(run(c, c.staff, copyProgrammeDefinition, { programmeId: original }));
    expect(programmeId).not.toBe(original);

    const copy = await t.withTenant(c.city.id, (tx) =>
      tx.programme.findFirstOrThrow({
        where: { id: programmeId },
        include: { budgetLines: { orderBy: { fundingSource: "asc" }, include: { realisations: true } } },
      }),
    );
    expect(copy).toMatchObject({
      opdId: c.staff.opdId,
      fiscalYear: thisYear + 1,
      name: "Pelatihan Menjahit",
      kind: "TRAINING",
      description: "Pelatihan menjahit bagi perempuan kepala keluarga",
      targetUnit: "PERSON",
      targetCount: 120,
      targetExtremeCount: 40,
    });
    expect(copy.budgetLines.map((line) => [line.fundingSource, line.description, line.partnerName, line.pagu, line.realisations.length])).toEqual([
      ["APBD", "Belanja pelatihan", null, 150_000_000n, 0],
      ["CSR", "Mesin jahit", "PT Semen Kupang", 45_000_000n, 0],
    ]);

    const audit = await t.withTenant(c.city.id, (tx) =>
      tx.auditLog.findMany({ where: { entityId: { in: [programmeId, ...copy.budgetLines.map((line) => line.id)] } }, select: { entity: true, action: true } }),
    );
    expect(audit.map((row) => `${row.entity}.${row.action}`).sort()).toEqual(["BudgetLine.create", "BudgetLine.create", "Programme.create"]);

    const left = await t.withTenant(c.city.id, (tx) =>
      tx.programme.findFirstOrThrow({ where: { id: original }, include: { budgetLines: { include: { realisations: true } } } }),
    );
    expect(left.fiscalYear).toBe(thisYear);
    expect(left.budgetLines).toHaveLength(2);
    expect(left.budgetLines.flatMap((line) => line.realisations)).toHaveLength(1);
  });

  it("is refused when the next year already has a programme of that name, and writes nothing", async () => {
    const c = await newCity();
    const original = await newProgramme(c, thisYear);
    await newProgramme(c, thisYear + 1, "  pelatihan MENJAHIT ");
    const before = await t.withTenant(c.city.id, (tx) => tx.programme.count());

    const refused = await run(c, c.staff, copyProgrammeDefinition, { programmeId: original });
    expect(refused).toMatchObject({ ok: false, code: "CONFLICT", message: `Program "Pelatihan Menjahit" sudah ada pada tahun anggaran ${thisYear + 1}.` });
    expect(await t.withTenant(c.city.id, (tx) => tx.programme.count())).toBe(before);
  });

  it("is refused when the next year is past the last year a programme may be planned in", async () => {
    const c = await newCity();
    const planned = await newProgramme(c, thisYear + 1);
    const refused = await run(c, c.staff, copyProgrammeDefinition, { programmeId: planned });
    expect(refused).toMatchObject({
      ok: false,
      code: "INVALID",
      message: `Program tahun ${thisYear + 1} belum dapat disalin ke ${thisYear + 2}: tahun anggaran paling lambat ${thisYear + 1}.`,
    });
    expect(await t.withTenant(c.city.id, (tx) => tx.programme.count({ where: { fiscalYear: thisYear + 2 } }))).toBe(0);
  });

  it("is the OPD's own: another OPD's clerk gets 'not found', a reader 'forbidden', the OPD head may", async () => {
    const c = await newCity();
    const original = await newProgramme(c, thisYear);
    expect(await run(c, c.otherStaff, copyProgrammeDefinition, { programmeId: original })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await run(c, c.bapeda, copyProgrammeDefinition, { programmeId: original })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await t.withTenant(c.city.id, (tx) => tx.programme.count({ where: { fiscalYear: thisYear + 1 } }))).toBe(0);
    expect(await run(c, c.head, copyProgrammeDefinition, { programmeId: original })).toMatchObject({ ok: true });
  });

  it("answers the refusal in the user's language", async () => {
    const c = await newCity();
    const original = await newProgramme(c, thisYear);
    await newProgramme(c, thisYear + 1);
    const deps = { ...actionDeps(t, c.staff), requestMeta: async () => ({ requestId: "req-test", ip: "127.0.0.1", locale: "en" }) };
    const refused = await runAction(deps, copyProgrammeDefinition, c.city.slug, submitted({ programmeId: original }));
    expect(refused).toMatchObject({
      ok: false,
      code: "CONFLICT",
      message: `The programme "Pelatihan Menjahit" already exists in fiscal year ${thisYear + 1}.`,
    });
  });
});
