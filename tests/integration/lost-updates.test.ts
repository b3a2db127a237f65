// Two people open the same edit form and both save: the second save carries the version
// the first one replaced, so it is refused and the record keeps the first person's values.
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
import { createRealisationDefinition, updateRealisationDefinition, verifyRealisationsDefinition } from "@/features/budget/action-definitions";
import { updateRetentionDefinition } from "@/features/audit/action-definitions";
import { saveStatisticDefinition, saveTargetDefinition } from "@/features/statistics/action-definitions";
import { actionDeps, sessionUser, submitted } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";

let t: TestDb;
let city: TestTenant;
let clerk: SessionUser;
let head: SessionUser;

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  const disnaker = await t.withTenant(city.id, (tx) =>
    tx.opd.create({ data: { tenantId: city.id, code: "2.07", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } }),
  );
  clerk = sessionUser(city, "OPD_STAFF", { id: "staf-disnaker", opdId: disnaker.id });
  head = sessionUser(city, "OPD_HEAD", { id: "kepala-disnaker", opdId: disnaker.id });
});

afterAll(async () => {
  await t?.close();
});

const run = (user: SessionUser, definition: AnyActionDefinition, input: Record<string, unknown>, locale?: string) =>
  runAction(
    { ...actionDeps(t, user), requestMeta: async () => ({ requestId: "req-test", ip: "127.0.0.1", locale }) },
    definition,
    city.slug,
    definition.createsRecords ? submitted(input) : input,
  );

const read = <T>(fn: Parameters<typeof t.withTenant<T>>[1]) => t.withTenant(city.id, fn);

const programmeForm = (name: string) => ({
  name,
  kind: "TRAINING",
  fiscalYear: "2024",
  description: "",
  targetUnit: "PERSON",
  targetCount: "100",
  targetExtremeCount: "10",
});

async function created(result: Promise<unknown>): Promise<Record<string, string>> {
  const answer = (await result) as { ok: boolean; data?: Record<string, string> };
  if (!answer.ok || !answer.data) throw new Error(JSON.stringify(answer));
  return answer.data;
}

describe("two users saving the same record", () => {
  it("the second save of a programme, made from the version both loaded, is refused and the first one's values stay", async () => {
    const { programmeId } = await created(run(clerk, createProgrammeDefinition, programmeForm("Pelatihan Menjahit")));
    const loaded = await read((tx) => tx.programme.findFirstOrThrow({ where: { id: programmeId } }));
    expect(loaded.version).toBe(1);

    const first = await run(clerk, updateProgrammeDefinition, {
      ...programmeForm("Pelatihan Menjahit Lanjutan"),
      targetCount: "120",
      programmeId,
      version: loaded.version,
    });
    const second = await run(head, updateProgrammeDefinition, {
      ...programmeForm("Pelatihan Menjahit Dasar"),
      targetCount: "80",
      programmeId,
      version: loaded.version,
    });

    expect(first).toMatchObject({ ok: true });
    expect(second).toEqual({ ok: false, code: "STALE", message: "Data ini sudah diubah oleh pengguna lain", fieldErrors: undefined });
    // What the edit page now loads, and so what the refused form shows.
    expect(await read((tx) => tx.programme.findFirstOrThrow({ where: { id: programmeId } }))).toMatchObject({
      name: "Pelatihan Menjahit Lanjutan",
      targetCount: 120,
      version: 2,
    });
    const saves = await read((tx) => tx.auditLog.count({ where: { entity: "Programme", entityId: programmeId, action: "update" } }));
    expect(saves).toBe(1);
  });

  it("the second save of a budget line is refused; its pagu stays the first one's", async () => {
    const { programmeId } = await created(run(clerk, createProgrammeDefinition, programmeForm("Bantuan Alat Kerja")));
    const { budgetLineId } = await created(
      run(clerk, createBudgetLineDefinition, { programmeId, fundingSource: "APBD", description: "Mesin jahit", pagu: "10 juta" }),
    );
    const loaded = await read((tx) => tx.budgetLine.findFirstOrThrow({ where: { id: budgetLineId } }));
    expect(loaded.version).toBe(1);

    const line = (pagu: string, description: string) => ({ budgetLineId, version: loaded.version, fundingSource: "APBD", description, pagu });
    expect(await run(head, updateBudgetLineDefinition, line("12 juta", "Mesin jahit dan obras"))).toMatchObject({ ok: true });
    expect(await run(clerk, updateBudgetLineDefinition, line("8 juta", "Mesin jahit saja"))).toMatchObject({
      ok: false,
      code: "STALE",
      message: "Data ini sudah diubah oleh pengguna lain",
    });
    expect(await read((tx) => tx.budgetLine.findFirstOrThrow({ where: { id: budgetLineId } }))).toMatchObject({
      pagu: 12_000_000n,
      description: "Mesin jahit dan obras",
      version: 2,
    });

    // Saving again from the refreshed form (the current version) works.
    expect(await run(clerk, updateBudgetLineDefinition, { ...line("8 juta", "Mesin jahit saja"), version: 2 })).toMatchObject({ ok: true });
  });

  it("two saves at the same moment: exactly one wins, the other is refused", async () => {
    const { programmeId } = await created(run(clerk, createProgrammeDefinition, programmeForm("Pelatihan Barista")));
    const results = await Promise.all(
      ["Pelatihan Barista A", "Pelatihan Barista B"].map((name, index) =>
        run(index === 0 ? clerk : head, updateProgrammeDefinition, { ...programmeForm(name), programmeId, version: 1 }),
      ),
    );
    expect(results.map((result) => (result.ok ? "ok" : result.code)).sort()).toEqual(["STALE", "ok"]);
    const winner = results.findIndex((result) => result.ok);
    expect(await read((tx) => tx.programme.findFirstOrThrow({ where: { id: programmeId } }))).toMatchObject({
      name: ["Pelatihan Barista A", "Pelatihan Barista B"][winner],
      version: 2,
    });
  });

  it("tells an English-speaking user in English", async () => {
    const { programmeId } = await created(run(clerk, createProgrammeDefinition, programmeForm("Pelatihan Sablon")));
    await created(run(clerk, updateProgrammeDefinition, { ...programmeForm("Pelatihan Sablon Kaos"), programmeId, version: 1 }));
    expect(await run(head, updateProgrammeDefinition, { ...programmeForm("Pelatihan Sablon Tas"), programmeId, version: 1 }, "en")).toMatchObject({
      ok: false,
      code: "STALE",
      message: "Someone else has changed this record",
    });
  });

  it("a draft entry verified while its clerk was editing it stays as verified, and the verification moved its version", async () => {
    const { programmeId } = await created(run(clerk, createProgrammeDefinition, programmeForm("Pelatihan Tata Rias")));
    const { budgetLineId } = await created(
      run(clerk, createBudgetLineDefinition, { programmeId, fundingSource: "APBD", description: "Honor pelatih", pagu: "20 juta" }),
    );
    const { realisationId } = await created(
      run(clerk, createRealisationDefinition, { budgetLineId, month: "3", referenceNo: "0301/SP2D/LS/2024", amount: "2 juta", note: "" }),
    );

    expect(await run(head, verifyRealisationsDefinition, { ids: realisationId })).toMatchObject({ ok: true, data: { verified: 1 } });
    const late = await run(clerk, updateRealisationDefinition, {
      realisationId,
      version: 1,
      month: "3",
      referenceNo: "0301/SP2D/LS/2024",
      amount: "5 juta",
      note: "",
    });
    expect(late).toMatchObject({ ok: false, code: "CONFLICT", message: expect.stringMatching(/sudah diverifikasi/) });
    expect(await read((tx) => tx.budgetRealisation.findFirstOrThrow({ where: { id: realisationId } }))).toMatchObject({
      amount: 2_000_000n,
      status: "VERIFIED",
      version: 2,
    });
  });

  it("two Bapeda planners correcting the same year's statistics: the second correction is refused", async () => {
    const planner = sessionUser(city, "BAPEDA", { id: "bapeda-1" });
    const colleague = sessionUser(city, "BAPEDA", { id: "bapeda-2" });
    const figures = { year: "2023", areaId: "", poorPeople: "34.500", source: "BPS" };
    await created(run(planner, saveStatisticDefinition, { ...figures, povertyRatePct: "9,02", version: "0" }));
    const loaded = await read((tx) => tx.povertyStatistic.findFirstOrThrow({ where: { year: 2023, areaId: null } }));

    expect(await run(planner, saveStatisticDefinition, { ...figures, povertyRatePct: "8,61", version: String(loaded.version) })).toMatchObject({ ok: true });
    expect(await run(colleague, saveStatisticDefinition, { ...figures, povertyRatePct: "9,50", version: String(loaded.version) })).toMatchObject({
      ok: false,
      code: "STALE",
    });
    const row = await read((tx) => tx.povertyStatistic.findFirstOrThrow({ where: { id: loaded.id } }));
    expect([row.povertyRatePct?.toString(), row.version]).toEqual(["8.61", 2]);
  });

  it("a blank statistics form saved over a year a colleague has just entered is refused; the colleague's figures stay", async () => {
    const planner = sessionUser(city, "BAPEDA", { id: "bapeda-1" });
    const colleague = sessionUser(city, "BAPEDA", { id: "bapeda-2" });
    const figures = { year: "2021", areaId: "", source: "BPS" };
    expect(await run(planner, saveStatisticDefinition, { ...figures, povertyRatePct: "9,80", version: "0" })).toMatchObject({ ok: true });
    expect(await run(colleague, saveStatisticDefinition, { ...figures, povertyRatePct: "7,00", version: "0" })).toMatchObject({ ok: false, code: "STALE" });
    const row = await read((tx) => tx.povertyStatistic.findFirstOrThrow({ where: { year: 2021, areaId: null } }));
    expect([row.povertyRatePct?.toString(), row.version]).toEqual(["9.8", 1]);
  });

  it("two Bapeda planners changing the same target: the second change is refused", async () => {
    const planner = sessionUser(city, "BAPEDA", { id: "bapeda-1" });
    const colleague = sessionUser(city, "BAPEDA", { id: "bapeda-2" });
    const target = { indicator: "EXTREME_POOR_HOUSEHOLDS", year: "2026", areaId: "", note: "" };
    expect(await run(planner, saveTargetDefinition, { ...target, value: "500", version: "0" })).toMatchObject({ ok: true });
    const loaded = await read((tx) => tx.target.findFirstOrThrow({ where: { year: 2026 } }));
    expect(await run(colleague, saveTargetDefinition, { ...target, value: "450", version: "0" })).toMatchObject({ ok: false, code: "STALE" });
    expect(await run(planner, saveTargetDefinition, { ...target, value: "400", version: String(loaded.version) })).toMatchObject({ ok: true });
    expect(await run(colleague, saveTargetDefinition, { ...target, value: "300", version: String(loaded.version) })).toMatchObject({
      ok: false,
      code: "STALE",
    });
    const row = await read((tx) => tx.target.findFirstOrThrow({ where: { id: loaded.id } }));
    expect([row.value.toString(), row.version]).toEqual(["400", 2]);
  });

  it("two city admins saving the retention setting: the second save, from the defaults both saw, is refused", async () => {
    const admin = sessionUser(city, "CITY_ADMIN", { id: "admin-1" });
    const colleague = sessionUser(city, "CITY_ADMIN", { id: "admin-2" });
    expect(await run(admin, updateRetentionDefinition, { auditMonths: "36", importReportDays: "14", version: "0" })).toMatchObject({ ok: true });
    expect(await run(colleague, updateRetentionDefinition, { auditMonths: "120", importReportDays: "90", version: "0" })).toMatchObject({
      ok: false,
      code: "STALE",
    });
    expect(await run(colleague, updateRetentionDefinition, { auditMonths: "48", importReportDays: "20", version: "1" })).toMatchObject({ ok: true });
    expect(await run(admin, updateRetentionDefinition, { auditMonths: "36", importReportDays: "14", version: "1" })).toMatchObject({
      ok: false,
      code: "STALE",
    });
    expect(await read((tx) => tx.retentionSetting.findFirstOrThrow())).toMatchObject({ auditMonths: 48, importReportDays: 20, version: 2 });
  });

  it("a form without the version is refused before anything is saved", async () => {
    const { programmeId } = await created(run(clerk, createProgrammeDefinition, programmeForm("Pelatihan Bengkel")));
    const result = await run(clerk, updateProgrammeDefinition, { ...programmeForm("Pelatihan Bengkel Motor"), programmeId });
    expect(result).toMatchObject({ ok: false, code: "INVALID" });
    expect(await read((tx) => tx.programme.findFirstOrThrow({ where: { id: programmeId } }))).toMatchObject({ name: "Pelatihan Bengkel", version: 1 });
  });
});
