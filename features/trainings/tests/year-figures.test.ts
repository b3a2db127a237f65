import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trainingPage, yearFigures, type TrainingFilter } from "@/features/trainings/queries";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";

// The list page's figure cards describe the year (and OPD) in scope; its filters narrow the table only.
let t: TestDb;
let city: TestTenant;
let filter: TrainingFilter;

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  await t.withTenant(city.id, async (tx) => {
    const opd = await tx.opd.create({ data: { tenantId: city.id, code: "2.07", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } });
    const programme = await tx.programme.create({ data: { tenantId: city.id, opdId: opd.id, fiscalYear: 2024, name: "Pelatihan Kerja", kind: "TRAINING" } });
    const base = {
      tenantId: city.id,
      programmeId: programme.id,
      opdId: opd.id,
      place: "BLK",
      capacity: 20,
      startDate: new Date("2024-03-04"),
      endDate: new Date("2024-03-08"),
    };
    await tx.training.create({ data: { ...base, skill: "Menjahit", status: "VERIFIED", verifiedAt: new Date("2024-03-15") } });
    await tx.training.create({ data: { ...base, skill: "Las", returnNote: "Tanggal salah", returnedAt: new Date("2024-03-10") } });
    await tx.training.create({ data: { ...base, skill: "Barista" } });
  });
  filter = { scope: { kind: "city" }, year: 2024 };
});

afterAll(async () => {
  await t?.close();
});

describe("the trainings list's figures", () => {
  it("stay the year's whatever draft filter (kembali) or status narrows the table", async () => {
    const year = await t.withTenant(city.id, (tx) => yearFigures(tx, filter));
    expect(year).toMatchObject({ trainings: 1, pendingTrainings: 2 });
    for (const narrowed of [{ kembali: "1" as const }, { kembali: "0" as const }, { status: "draft" as const }, { status: "verified" as const }]) {
      const listFilter = { ...filter, ...narrowed };
      const [page, figures] = await t.withTenant(city.id, (tx) => Promise.all([trainingPage(tx, listFilter), yearFigures(tx, listFilter)]));
      expect(page.total).toBeLessThan(3);
      expect(figures).toEqual(year);
    }
  });
});
