import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnyActionDefinition } from "@/lib/actions/define";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Role } from "@/lib/generated/prisma/enums";
import {
  deleteStatisticDefinition,
  deleteTargetDefinition,
  importStatisticsDefinition,
  saveStatisticDefinition,
  saveTargetDefinition,
} from "@/features/statistics/action-definitions";
import { statisticSeries } from "@/features/statistics/queries";
import { actionDeps, sessionUser } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";
import { runActionToEnd } from "@/tests/helpers/table-imports";

let t: TestDb;
let city: TestTenant;
let otherCity: TestTenant;
let bapeda: SessionUser;

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  otherCity = await createTestTenant(t.db, t.withTenant);
  bapeda = sessionUser(city, "BAPEDA");
});

afterAll(async () => {
  await t?.close();
});

// A blank form sends version 0 (it shows no row); a form for a row sends the row's version.
const run = (user: SessionUser, definition: AnyActionDefinition, input: unknown, slug = city.slug) =>
  runActionToEnd(t, actionDeps(t, user), definition, slug, { version: "0", ...(input as Record<string, unknown>) });
const series = (areaId: string | null = null, tenant = city) => t.withTenant(tenant.id, (tx) => statisticSeries(tx, areaId));
const fieldErrors = (result: unknown) => (result as { fieldErrors?: Record<string, string[]> }).fieldErrors ?? {};

describe("saving a year's BPS figures", () => {
  it("records the city's year once and replaces it when saved again", async () => {
    const first = await run(bapeda, saveStatisticDefinition, {
      year: "2023",
      areaId: "",
      povertyRatePct: "9,02",
      poorPeople: "34.500",
      extremeRatePct: "1,08",
      extremePoorPeople: "6562",
      source: "BPS",
    });
    expect(first).toMatchObject({ ok: true, data: { created: true } });
    const again = await run(bapeda, saveStatisticDefinition, { year: "2023", povertyRatePct: "8.61", p1: "1,234", version: "1" });
    expect(again).toMatchObject({ ok: true, data: { created: false } });
    expect(await series()).toEqual([
      expect.objectContaining({ year: 2023, areaId: null, povertyRatePct: 8.61, poorPeople: null, extremeRatePct: null, p1: 1.234, source: null }),
    ]);
  });

  it("keeps a kecamatan's figures apart from the city's", async () => {
    expect(await run(bapeda, saveStatisticDefinition, { year: "2023", areaId: city.kecamatanId, povertyRatePct: "7,5" })).toMatchObject({ ok: true });
    expect(await series(city.kecamatanId)).toEqual([expect.objectContaining({ year: 2023, povertyRatePct: 7.5 })]);
    expect(await series()).toHaveLength(1);
  });

  it("refuses bad input with Indonesian messages and writes nothing", async () => {
    const cases: Record<string, unknown>[] = [
      { year: "2023", povertyRatePct: "sembilan" },
      { year: "2023", povertyRatePct: "101" },
      { year: "1999", povertyRatePct: "9" },
      { year: "2024" },
      { year: "2024", poorPeople: "-5" },
    ];
    for (const input of cases) {
      const result = await run(bapeda, saveStatisticDefinition, input);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, code: "INVALID" });
      expect(Object.values(fieldErrors(result)).flat().join(" ")).toMatch(/[a-z]/);
    }
    expect((await series()).map((row) => row.year)).toEqual([2023]);
  });

  it("treats another city's kecamatan as not found", async () => {
    expect(await run(bapeda, saveStatisticDefinition, { year: "2023", areaId: otherCity.kecamatanId, povertyRatePct: "5" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
  });

  it("is for Bapeda only, and only in its own city", async () => {
    const input = { year: "2022", povertyRatePct: "9,5" };
    for (const role of ["CITY_ADMIN", "OPD_STAFF", "OPD_HEAD", "MAYOR_OFFICE", "KELURAHAN", "AUDITOR"] as Role[]) {
      expect(await run(sessionUser(city, role), saveStatisticDefinition, input), role).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await run(sessionUser(otherCity, "BAPEDA"), saveStatisticDefinition, input)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await series()).map((row) => row.year)).toEqual([2023]);
  });

  it("deletes a row of its own city only", async () => {
    const [row] = await series();
    expect(await run(sessionUser(otherCity, "BAPEDA"), deleteStatisticDefinition, { statisticId: row!.id }, otherCity.slug)).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await run(sessionUser(city, "MAYOR_OFFICE"), deleteStatisticDefinition, { statisticId: row!.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await run(bapeda, deleteStatisticDefinition, { statisticId: row!.id })).toMatchObject({ ok: true });
    expect(await series()).toEqual([]);
  });
});

describe("the database keeps one city-level row per year", () => {
  it("refuses a second city row even outside the actions", async () => {
    await t.withTenant(city.id, (tx) => tx.povertyStatistic.create({ data: { tenantId: city.id, year: 2030 } }));
    await expect(t.withTenant(city.id, (tx) => tx.povertyStatistic.create({ data: { tenantId: city.id, year: 2030 } }))).rejects.toThrow();
    await t.withTenant(city.id, (tx) => tx.target.create({ data: { tenantId: city.id, indicator: "POVERTY_RATE", year: 2030, value: 0 } }));
    await expect(
      t.withTenant(city.id, (tx) => tx.target.create({ data: { tenantId: city.id, indicator: "POVERTY_RATE", year: 2030, value: 1 } })),
    ).rejects.toThrow();
  });
});

describe("targets", () => {
  it("saves, replaces and deletes a target; refuses others", async () => {
    const created = await run(bapeda, saveTargetDefinition, { indicator: "EXTREME_POVERTY_RATE", year: "2026", value: "0" });
    expect(created).toMatchObject({ ok: true, data: { created: true } });
    expect(
      await run(bapeda, saveTargetDefinition, { indicator: "EXTREME_POVERTY_RATE", year: "2026", value: "0,5", note: "Revisi", version: "1" }),
    ).toMatchObject({
      ok: true,
      data: { created: false },
    });
    expect(await run(bapeda, saveTargetDefinition, { indicator: "NOTHING", year: "2026", value: "0" })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await run(bapeda, saveTargetDefinition, { indicator: "POVERTY_RATE", year: "2026", value: "" })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await run(sessionUser(city, "AUDITOR"), saveTargetDefinition, { indicator: "POVERTY_RATE", year: "2026", value: "1" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    const targetId = (created as { data: { targetId: string } }).data.targetId;
    const target = await t.withTenant(city.id, (tx) => tx.target.findFirst({ where: { id: targetId } }));
    expect(target?.value.toNumber()).toBe(0.5);
    expect(await run(sessionUser(otherCity, "BAPEDA"), deleteTargetDefinition, { targetId }, otherCity.slug)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await run(bapeda, deleteTargetDefinition, { targetId })).toMatchObject({ ok: true });
  });
});

describe("importing the series", () => {
  const file = (text: string) => new File([text], "bps.csv", { type: "text/csv" });

  it("saves the valid rows and reports the rest", async () => {
    const csv = [
      "TAHUN,KECAMATAN,PERSENTASE MISKIN,PENDUDUK MISKIN,PERSENTASE MISKIN EKSTREM,SUMBER",
      "2019,,10.1,40000,2.5,BPS",
      '2020,Kecamatan Uji,"9,8",1200,,BPS',
      "2021,Kecamatan Tidak Ada,9,100,,BPS",
      "abc,,9,,,",
    ].join("\n");
    const dry = await run(bapeda, importStatisticsDefinition, { mode: "dry-run", file: file(csv) });
    expect(dry).toMatchObject({ ok: true, data: { mode: "dry-run", total: 4, accepted: 2 } });
    expect(await series()).toEqual([expect.objectContaining({ year: 2030 })]);
    const done = await run(bapeda, importStatisticsDefinition, { mode: "commit", file: file(csv) });
    expect(done).toMatchObject({ ok: true, data: { accepted: 2 } });
    const report = (done as { data: { rejected: { rowNumber: number; reasons: string[] }[] } }).data;
    expect(report.rejected.map((row) => row.rowNumber)).toEqual([4, 5]);
    expect(report.rejected[0]!.reasons.join()).toMatch(/Kecamatan "Kecamatan Tidak Ada"/);
    expect(report.rejected[1]!.reasons.join()).toMatch(/TAHUN/);
    expect((await series()).map((row) => [row.year, row.povertyRatePct])).toEqual([
      [2019, 10.1],
      [2030, null],
    ]);
    expect((await series(city.kecamatanId))[0]).toEqual(expect.objectContaining({ year: 2020, povertyRatePct: 9.8, poorPeople: 1200 }));
    expect(await run(sessionUser(city, "MAYOR_OFFICE"), importStatisticsDefinition, { mode: "commit", file: file(csv) })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
  });
});
